/**
 * The gossipsim command line (SPEC §1). `runCli` returns the exit code instead of exiting,
 * so tests can drive it in-process: 0 success, 2 bad input, 1 internal error.
 */
import { Command, CommanderError, Option } from 'commander';
import type { CliIO } from './io.js';
import { printableIO, processIO } from './io.js';
import { collect } from './options.js';
import { GOSSIPSIM_VERSION } from '../version.js';
import { describeBadInput } from './report-error.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { listCommand } from './commands/list.js';
import { reportCommand } from './commands/report.js';
import { mergeCommand, sweepCommand } from './commands/sweep.js';
import { fileCommand } from './commands/file-command.js';
import { FAMILIES } from '../families/families.js';
import { playgroundCommand } from './commands/playground.js';

const EPILOG = `
Exit codes: 0 success; 2 bad input (unreadable file, YAML or schema error, bad option),
reported as one paragraph naming the file, the key path and line:column; 1 internal error;
130 interrupted by Ctrl-C (143 by SIGTERM), with no output file written.
Scenario reference: docs/scenario-reference.md and scenarios/scenario.schema.json.`;

function buildProgram(io: CliIO, setCode: (code: number) => void): Command {
  const program = new Command();
  program
    .name('gossipsim')
    .description('Simulate unstructured peer-to-peer networks: gossip, search, churn, resilience and capacity.')
    .version(GOSSIPSIM_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EPILOG)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  program
    .command('run')
    .description('Run one scenario: writes the HTML report (default reports/<name>.html), a one-screen summary on stdout, and with --json the results file.')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--seed <n>', 'seed for every random stream (overrides the scenario\'s `seed`)')
    .option('--set <key.path=value>', 'override a scenario key before validation (repeatable), e.g. --set peers.count=100000', collect, [])
    .option('--workers <n>', 'worker threads sharing this one run (default 1); results are identical whatever the number. With a positive minimum latency every family splits: broadcasts, searches, Chord and Kademlia lookups, aggregation, peer sampling, failures (with or without repair), churn (drawn or a trace, with sync). These run on one thread and say why on stderr: capacity (no message latency) and aggregation under engine: cycle (serial exchanges); so does a run with more threads than cores (docs/parallel.md)')
    .option('--out <report.html>', 'where to write the HTML report')
    .option('--json <results.json>', 'also write the results file (SPEC §3)')
    .option('--quiet', 'print nothing: no summary, notes or progress bar (a results file still has engine.workersNote and engine.notes)')
    .addHelpText('after', '\nExample:\n  gossipsim run scenarios/first-look.yaml --set peers.count=5000 --json results.json')
    .action(async (file: string, opts) => setCode(await runCommand(file, opts, io)));

  program
    .command('sweep')
    .description('Run a scenario over the cartesian product of --vary values, with replicates; reports each metric\'s mean and 95% confidence interval.')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .requiredOption('--vary <key.path=v1,v2,...>', 'a key and its values (repeatable: the product of all is run)', collect, [])
    .option('--replicates <r>', 'runs per point, with seeds derived from the scenario seed (default 1)')
    .option('--set <key.path=value>', 'override a scenario key for every point (repeatable)', collect, [])
    .option('--workers <n>', 'worker threads (default: number of CPU cores); results are identical whatever the number')
    .option('--out <report.html>', 'where to write the sweep report (default reports/<name>-sweep.html)')
    .option('--json <results.json>', 'also write the sweep results file')
    .option('--shard <K/N>', 'run only the K-th (1-based) of N equal slices of the (point, replicate) list, for cluster job arrays; join the parts with `gossipsim merge`')
    .option('--resume', 'continue a sweep that was killed or interrupted: the runs its journal (<--json or --out path>.journal) holds are not run again; the results are those of an uninterrupted sweep. Without it, an existing journal is refused, so finished work is never thrown away')
    .option('--quiet', 'no summary and no progress (a bar with runs left and ETA on a TTY; one line per finished run on stderr otherwise)')
    .addHelpText('after', '\nEach finished run is appended to a journal next to the --json (or --out) file, removed once the outputs are written.\nExample:\n  gossipsim sweep scenarios/capacity-growth.yaml --vary peers.count=10,100,1000 --vary capacity.mode=p2p,client-server --replicates 5')
    .action(async (file: string, opts) => setCode(await sweepCommand(file, opts, io)));

  program
    .command('merge')
    .description('Join the part files of a sharded sweep (sweep --shard K/N --json part-K.json) into the results one sweep would have written.')
    .argument('<parts...>', 'part files')
    .addOption(new Option('--json <results.json>', 'where to write the merged results (required)'))
    .option('--out <report.html>', 'also write the sweep report')
    .option('--quiet', 'print nothing on success')
    .action((files: string[], opts) => setCode(mergeCommand(files, opts, io)));

  program
    .command('validate')
    .description('Check scenario files against the schema and say which are fine (exit 2 if any is not).')
    .argument('<scenarios...>', 'scenario files')
    .action((files: string[]) => setCode(validateCommand(files, io)));

  program
    .command('report')
    .description('Render the HTML report of a results file (from run --json, sweep --json or merge).')
    .argument('<results.json>', 'results file')
    .option('--out <report.html>', 'where to write the report (default reports/<name>.html)')
    .option('--quiet', 'print nothing on success')
    .action((file: string, opts) => setCode(reportCommand(file, opts, io)));

  // The families' own commands, each on one of their files (families/files.ts).
  for (const command of FAMILIES.flatMap((f) => f.commands ?? [])) {
    const added = program.command(command.name).description(command.description).argument(command.argument.name, command.argument.description);
    for (const flag of command.flags ?? []) added.option(flag.flags, flag.description);
    if (command.help) added.addHelpText('after', command.help);
    added.action((file: string, opts) => setCode(fileCommand(command, file, opts, io)));
  }

  program
    .command('playground')
    .description('Write the browser playground: one self-contained HTML file with the lessons and bundled scenarios, an editor, live charts and the engine itself; it runs offline, with nothing installed.')
    .option('--out <file.html>', 'where to write it (default playground.html); a file gossipsim did not write is never replaced')
    .option('--quiet', 'print nothing on success')
    .addHelpText('after', '\nExample:\n  gossipsim playground --out lecture.html   # hand the one file to the class')
    .action((opts) => setCode(playgroundCommand(opts, io)));

  program
    .command('list')
    .description('List the bundled scenarios and lessons, one line each.')
    .action(() => setCode(listCommand(io)));

  return program;
}

/** Runs the CLI with `args` (without `node` and the script) and returns the exit code. */
export async function runCli(args: string[], rawIO: CliIO = processIO): Promise<number> {
  const io = printableIO(rawIO);
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(args, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      // Commander already printed its message (unknown option, missing argument...).
      return 2;
    }
    const message = describeBadInput(err);
    if (message !== undefined) {
      io.err(`gossipsim: ${message}\n`);
      return 2;
    }
    io.err(`gossipsim: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    if (process.env.GOSSIPSIM_DEBUG) io.err(`${(err as Error)?.stack}\n`);
    else io.err('(this is a bug in gossipsim; set GOSSIPSIM_DEBUG=1 for the stack trace)\n');
    return 1;
  }
}
