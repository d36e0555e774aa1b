import { loadScenarioText } from './dist/sim/scenario/load.js';
const tries = [
 ['name: x\n', []],
 ['name: x\noverlay:\n  degre: 4\n', []],
 ['name: x\noverlay:\n  degree: -3\n', []],
 ['name: x\ndegree: 3\n', []],
 ['name: x\nnetwork:\n  latency: 5 minutes\n', []],
 ['name: x\nnetwork:\n  latency: {dist: uniform, min: 500ms, max: 100ms}\n', []],
 ['name: x\nnetwork:\n  latency: {dist: normall, mean: 1}\n', []],
 ['name: x\nnetwork:\n  latency: {dist: zipf, exponent: 1}\n', []],
 ['name: x\nnetwork:\n  latency: {dist: exponential}\n', []],
 ['name: x\nnetwork:\n  latency: {dist: exponential, mean: 0, sd: 3}\n', []],
 ['name: x\nworkload:\n  broadcasts:\n    protocol: pushh\n    origin: rand\n', []],
 ['name: x\nworkload:\n  searches:\n    - protocol: directory\n', []],
 ['name: x\npeers: {count: 5}\noverlay: {degree: 3}\n', []],
 ['description: x\n', []],
 ['name: x\n', ['peers.count=100000', 'overlay.sampling.protocol=newscast', 'workload.broadcasts[0].fanout=2', 'workload.broadcasts.1.at=5s']],
 ['name: x\n', ['overlay.degre=3']],
 ['name: x\n', ['overlay.degree']],
 ['name: x\n', ['overlay.degree=-1']],
 ['name: x\nx: [1, 2\n', []],
 ['name: x\nseed: 1\nseed: 2\n', []],
 ['- 1\n', []],
 ['', []],
 ['name: 42\nloss: 3\n', []],
 ['name: x\nnetwork: {loss: "0.5"}\ncapacity: {file: 1MB, chunk: 2MB}\n', []],
 ['name: x\nduration: 1min\nfailures: {at: 2min, fraction: 0.5}\n', []],
 ['name: x\nhybrid:\n', []],
 ['{"name": "j", "peers": {"count": 10}, "overlay": {"degree": 4}}', []],
];
for (const [t, s] of tries) {
  try { const r = loadScenarioText(t, 'x.yaml', s); console.log('OK', JSON.stringify(r).slice(0, 300)); }
  catch (e) { console.log(e.format ? e.format() : e.stack); }
}
