/**
 * The deploy workflow's paths, read from the file (action-validator checks its schema in npm test; this checks
 * what it does): which events reach which jobs, and that the schedule publishes only when something is due.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  steps?: Step[];
}
const workflow = parse(readFileSync('.github/workflows/deploy.yml', 'utf8')) as {
  on: Record<string, unknown>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
};
const { jobs } = workflow;
const runs = (job: Job) => (job.steps ?? []).map((step) => step.run ?? '').join('\n');

describe('the deploy workflow', () => {
  it('runs on a push to main, on a schedule and by hand', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on.schedule).toEqual([{ cron: '*/15 * * * *' }]);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  it('tells code from content with a maintained path filter: anything outside content/ is code', () => {
    const filter = jobs.changes!.steps!.find((step) => step.uses?.startsWith('dorny/paths-filter@'))!;
    expect(filter.with?.['predicate-quantifier']).toBe('every');
    expect(parse(filter.with!.filters!)).toEqual({ code: ['**', '!content/**'] });
    // A push compares with the commit before it; a schedule with the live commit.
    expect(filter.with?.base).toBe('${{ needs.due.outputs.live }}');
    expect(jobs.changes!.if).toContain("github.event_name == 'push'");
    expect(jobs.changes!.if).toContain("needs.due.outputs.due == 'true'");
  });

  it('runs the whole suite for code and by hand, not for content only', () => {
    expect(jobs.test!.needs).toBe('changes');
    expect(jobs.test!.if).toContain("needs.changes.outputs.code == 'true'");
    expect(jobs.test!.if).toContain("github.event_name == 'workflow_dispatch'");
    expect(runs(jobs.test!)).toMatch(/^npm test$/m);
  });

  it('checks the articles and the built site before every deploy, and deploys only what was built', () => {
    const build = jobs.build!;
    expect(build.needs).toEqual(['due', 'changes', 'test']);
    expect(build.if).toContain('!failure()');
    const order = runs(build).split('\n').filter((line) => /^npm run (check|build|test:integrity)/.test(line));
    expect(order).toEqual(['npm run check -- --content-only', 'npm run build', expect.stringMatching(/^npm run test:integrity -- --root /)]);
    expect(jobs.deploy!.needs).toBe('build');
    // A job with no condition is skipped whenever any job before it was, and some always are.
    expect(jobs.deploy!.if).toContain("needs.build.result == 'success'");
  });

  it('on a schedule, builds only when something is due, as of the moment it checked', () => {
    expect(jobs.due!.if).toBe("github.event_name == 'schedule'");
    expect(runs(jobs.due!)).toContain('npm run due -- --since');
    expect(jobs.build!.if).toContain("needs.due.outputs.due == 'true'");
    const buildStep = jobs.build!.steps!.find((step) => step.run === 'npm run build')!;
    expect(buildStep.env?.BUILD_TIME).toBe('${{ needs.due.outputs.build-time }}');
  });

  it('keeps Astro’s cache directory between builds, restored after npm ci', () => {
    const caches = jobs.build!.steps!.filter((step) => step.uses?.startsWith('actions/cache@'));
    expect(caches.map((step) => step.with?.path)).toEqual(['node_modules/.astro']);
    const names = jobs.build!.steps!.map((step) => step.uses ?? step.run);
    expect(names.indexOf('npm ci')).toBeLessThan(names.indexOf(caches[0]!.uses));
  });

  it('uploads to object storage instead of Pages when UPLOAD_REMOTE is set, saying how many files it sent', () => {
    const steps = jobs.build!.steps!;
    const upload = steps.find((step) => step.run?.includes('npm run upload'))!;
    expect(upload.if).toBe("vars.UPLOAD_REMOTE != ''");
    expect(upload.run).toContain('npm run upload -- "$UPLOAD_REMOTE" --dir "${{ steps.site.outputs.dir }}"');
    // The bucket's keys come from a secret, never from the repository.
    expect(upload.env?.RCLONE_CONF).toBe('${{ secrets.RCLONE_CONF }}');
    const names = steps.map((step) => step.uses ?? step.run ?? '');
    expect(names.findIndex((name) => name.startsWith('npm run test:integrity'))).toBeLessThan(steps.indexOf(upload));
    // Pages is left alone then: not configured, no artifact, no deploy.
    for (const uses of ['actions/configure-pages@', 'actions/upload-pages-artifact@']) expect(steps.find((step) => step.uses?.startsWith(uses))?.if).toBe("vars.UPLOAD_REMOTE == ''");
    expect(jobs.deploy!.if).toContain("vars.UPLOAD_REMOTE == ''");
  });

  it('runs one at a time, never cancelling a run in progress', () => {
    expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
  });
});

describe('the review workflow', () => {
  const review = parse(readFileSync('.github/workflows/review.yml', 'utf8')) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> };
  const steps = Object.values(review.jobs).flatMap((job) => job.steps ?? []).map((step) => step.run ?? '');

  it('checks every pull request into main, reading nothing but the repository', () => {
    expect(review.on).toEqual({ pull_request: { branches: ['main'] } });
    expect(review.permissions).toEqual({ contents: 'read' });
  });

  it('checks the articles (annotated at their lines), builds, and checks the built site, in that order', () => {
    const at = (command: string) => steps.findIndex((run) => run.startsWith(command));
    expect(at('npm run check -- --content-only')).toBeGreaterThan(at('npm ci'));
    expect(at('npm run build')).toBeGreaterThan(at('npm run check'));
    expect(at('npm run test:integrity')).toBeGreaterThan(at('npm run build'));
  });

  it('has a GitLab twin with the same steps, for merge requests', () => {
    const gitlab = parse(readFileSync('.gitlab-ci.yml', 'utf8')) as { review: { rules: { if: string }[]; script: string[] } };
    expect(gitlab.review.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(gitlab.review.script.slice(1)).toEqual(steps.filter((run) => run.startsWith('npm run')));
  });
});
