import { describe, expect, it } from 'vitest';
import { cspHash, otherDirectives, scriptSources } from '../../src/lib/html-safety/content-security.ts';

describe('cspHash', () => {
  it('is the base64 SHA-256 of the exact text, as browsers compute it for an inline script', () => {
    // Known value: the SHA-256 of the empty string.
    expect(cspHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(cspHash('alert(1)')).toBe('sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=');
    // One changed character is another script.
    expect(cspHash('alert(1) ')).not.toBe(cspHash('alert(1)'));
  });

  it('hashes UTF-8, so Chinese text in a script hashes as the browser sees it', () => {
    expect(cspHash('中')).toBe('sha256-pWe9qhE2fyYPBwg5H00QdmtZYvVl2eQy8XmBo1hP4eI=');
  });
});

describe('the policy', () => {
  it('allows nothing inline without a hash and nothing from other origins', () => {
    const policy = [...otherDirectives, `script-src ${scriptSources.join(' ')}`].join('; ');
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:|data:/);
    expect(otherDirectives).toContain("default-src 'self'");
    expect(otherDirectives).toContain("object-src 'none'");
  });
});
