/*
 * gossipsim report, client side (6/6): reads the embedded results, draws the run or sweep
 * report, the table of contents, and wires the theme and print buttons.
 */
/* global d3, GS */
(function () {
  'use strict';

  const THEMES = ['auto', 'light', 'dark'];
  const STORE = 'gossipsim-report-theme';

  function setTheme(theme) {
    document.documentElement.setAttribute('data-theme', theme);
    const button = document.getElementById('theme-toggle');
    if (button) button.textContent = `Theme: ${theme}`;
  }

  function initTheme() {
    let saved = null;
    try { saved = window.localStorage.getItem(STORE); } catch (e) { saved = null; }
    setTheme(THEMES.includes(saved) ? saved : 'auto');
    const button = document.getElementById('theme-toggle');
    if (button) {
      button.addEventListener('click', () => {
        const cur = document.documentElement.getAttribute('data-theme');
        const next = THEMES[(THEMES.indexOf(cur) + 1) % THEMES.length];
        setTheme(next);
        try { window.localStorage.setItem(STORE, next); } catch (e) { /* storage may be off for file:// pages */ }
      });
    }
    const print = document.getElementById('print');
    if (print) print.addEventListener('click', () => window.print());
  }

  function readJson(id) {
    const el = document.getElementById(id);
    return el ? JSON.parse(el.textContent || 'null') : null;
  }

  function main() {
    initTheme();
    const data = readJson('data');
    const derived = readJson('derived') || {};
    const root = d3.select('#report');
    if (!data) return;
    if (typeof data.format === 'string' && data.format.startsWith('gossipsim-sweep')) GS.renderSweep(root, data, derived);
    else GS.renderRun(root, data, derived);
    const toc = d3.select('#toc');
    if (GS.sections.length > 1) {
      toc.selectAll('a').data(GS.sections).join('a').attr('href', (d) => `#${d.id}`).text((d) => d.title);
    } else toc.remove();
    document.documentElement.classList.add('ready');
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
  else main();
})();
