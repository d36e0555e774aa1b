/**
 * The report page as text (no browser): self-contained, with a policy that forbids any
 * request and any script but its own, the results embedded so they read back exactly,
 * and the same page for the same results.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../viz/report';
import { RESULTS_FORMAT, type Results } from '../../sim/run/results';
import { capacitySweep, classRun, labRun } from './fixtures';

function scripts(html: string): Array<{ attrs: string; body: string }> {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ attrs: m[1], body: m[2] }));
}

describe('renderReport', () => {
  const run = classRun('Title <b>x</b> \u2028 </script><script>window.__pwned=1</script>');
  const html = renderReport(run);

  it('has exactly the four script elements it means to have, and nothing after </html>', () => {
    const list = scripts(html);
    expect(list.map((s) => s.attrs.trim())).toEqual(['type="application/json" id="data"', 'type="application/json" id="derived"', '', '']);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('embeds the results so that they read back exactly', () => {
    const data = scripts(html)[0].body;
    expect(JSON.parse(data)).toEqual(JSON.parse(JSON.stringify(run)));
    expect(data).not.toMatch(/[<>\u2028]/);
  });

  it('allows only its own scripts, by hash, and no request of any kind', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1].replace(/&#39;/g, "'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('img-src data:');
    const scriptSrc = /script-src ([^;]+)/.exec(csp)![1].trim().split(/\s+/);
    const executable = scripts(html).filter((s) => s.attrs.trim() === '');
    const hashes = executable.map((s) => `'sha256-${createHash('sha256').update(s.body, 'utf8').digest('base64')}'`);
    expect(scriptSrc).toEqual(hashes);
    expect(csp).not.toMatch(/unsafe-inline[^;]*script|script-src[^;]*unsafe/);
  });

  it('inlines d3 and loads nothing from elsewhere', () => {
    expect(html).toContain('https://d3js.org v7');
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  });

  it('escapes the title and sanitises the description', () => {
    expect(html).toContain('<title>Rumour spreading &lt;in class&gt; &amp; more — gossipsim</title>');
    const description = /<section class="description">([\s\S]*?)<\/section>/.exec(html)![1];
    expect(description).not.toMatch(/<script|<b>/);
    expect(description).toContain('&lt;/script&gt;&lt;script&gt;');
  });

  it('shows the provenance in the footer: version, engine, platform, scenario hash; a merged sweep\'s parts', () => {
    const run = classRun();
    const footer = (page: string) => /<footer class="page-footer">(.*)<\/footer>/.exec(page)![1];
    expect(footer(renderReport(run))).toContain(`gossipsim 0.2.0 on node 20.20.2 (V8 11.3.244.8-node.33), linux-x64 · scenario ${run.provenance.scenarioHash}`);
    expect(run.provenance.scenarioHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(footer(renderReport(capacitySweep()))).toContain('parts run on node 22.12.0 (V8 12.4.254.21-node.21), linux-arm64; chromium 156.0.7500.1, Linux x86_64');
  });

  it('is the same page for the same results', () => {
    expect(renderReport(classRun('same'))).toBe(renderReport(classRun('same')));
  });

  it('renders runs with no optional section, lab runs and sweeps', () => {
    const base = classRun();
    const bare = { format: RESULTS_FORMAT, scenario: { ...base.scenario, description: '' }, seed: 1, engine: base.engine,
      overlay: { ...base.overlay, degreeHistogram: undefined, links: undefined }, series: { time: [0], alive: [3] } } as Omit<Results, 'provenance'> as Results; // as written before 0.2.0
    const page = renderReport(bare);
    expect(page).toContain('written before gossipsim 0.2.0 (no provenance recorded)');
    expect(page).not.toContain('<section class="description">');
    expect(page).toContain('gossipsim · run report · seed 1');
    expect(renderReport(labRun())).toContain('Distribution time (p2p)');
    const sweep = renderReport(capacitySweep());
    expect(sweep).toContain('gossipsim · sweep over peers.count × capacity.mode · 3 replicates');
  });
});
