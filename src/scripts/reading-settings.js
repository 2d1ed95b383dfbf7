// Inlined first in every page's <body> (so it runs before first paint: no flash of the wrong theme or size),
// minified (layouts/inline-script.ts). Applies the reader's saved theme and text size, wires the buttons of
// ReadingControls.astro, and on an article opened from a search result loads the highlighter.
(() => {
  const root = document.documentElement;
  // Styles for script-only parts key on this class; set before first paint, so nothing shifts later.
  root.classList.add('js');
  const store = {
    get: (key) => { try { return localStorage.getItem(key); } catch { return null; } },
    set: (key, value) => { try { localStorage.setItem(key, value); } catch {} },
  };
  const theme = store.get('theme');
  const size = store.get('text-size');
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  if (size === 's' || size === 'l') root.dataset.textSize = size;

  const isDark = () => (root.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')) === 'dark';

  addEventListener('DOMContentLoaded', () => {
    // An article opened from a search result (?q=) loads the highlighter; other visits load no script file.
    const highlighter = document.querySelector('[data-highlighter]')?.dataset.highlighter;
    if (highlighter && new URLSearchParams(location.search).has('q')) {
      const script = document.createElement('script');
      script.src = highlighter;
      document.head.append(script);
    }
    const controls = document.querySelector('.reading-controls');
    if (!controls) return;
    const toggle = controls.querySelector('[data-theme-toggle]');
    const show = () => {
      toggle.setAttribute('aria-pressed', String(isDark()));
      for (const button of controls.querySelectorAll('[data-text-size]')) {
        button.setAttribute('aria-pressed', String(button.dataset.textSize === (root.dataset.textSize ?? 'm')));
      }
    };
    controls.addEventListener('click', (event) => {
      const button = event.target.closest('button');
      if (!button) return;
      if (button.dataset.textSize) {
        if (button.dataset.textSize === 'm') delete root.dataset.textSize;
        else root.dataset.textSize = button.dataset.textSize;
        store.set('text-size', button.dataset.textSize);
      } else {
        root.dataset.theme = isDark() ? 'light' : 'dark';
        store.set('theme', root.dataset.theme);
      }
      show();
    });
    show();
  });
})();
