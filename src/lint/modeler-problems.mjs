// The problems Camunda Modeler shows for each diagram in a folder: @camunda/linting is the linter
// of Modeler's problems panel (bpmnlint's correctness rules plus bpmnlint-plugin-camunda-compat for
// the diagram's execution platform version, with the Zeebe moddle). Every problem fails the run,
// warnings too, except the deliberate exceptions below. The package ships extensionless ES module
// imports for bundlers, so npm's lint script bundles this file with esbuild before Node runs it.
import { Linter } from '@camunda/linting';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Deliberate exceptions, each with its reason.
const EXCEPTIONS = {
  // Partnerflow's user tasks are job worker-based on purpose: the embedded engine has no user task
  // API, so the service's own inbox takes the io.camunda.zeebe:userTask jobs (README, "Human tasks").
  'camunda-compat/zeebe-user-task': 'off'
};

const folder = process.argv[2];
const linter = new Linter({
  modeler: 'desktop',
  type: 'cloud',
  plugins: [ { config: { rules: EXCEPTIONS } } ]
});

let problems = 0;
const diagrams = readdirSync(folder).filter(name => name.endsWith('.bpmn')).sort();
for (const name of diagrams) {
  const xml = readFileSync(join(folder, name), 'utf8');
  if (!/modeler:executionPlatformVersion=/.test(xml)) {
    // Without it the Modeler (and this linter) applies no Camunda rule at all.
    console.log(`${name}\n  definitions  error  no modeler:executionPlatformVersion: Modeler cannot check it`);
    problems++;
    continue;
  }
  const reports = (await linter.lint(xml)).filter(report => EXCEPTIONS[report.rule] !== 'off');
  console.log(`${name}: ${reports.length === 0 ? 'no problems' : reports.length + ' problems'}`);
  for (const report of reports) {
    console.log(`  ${report.id}  ${report.category}  ${report.message}  (${report.rule})`);
  }
  problems += reports.length;
}
if (diagrams.length === 0) {
  console.log(`no diagrams in ${folder}`);
  process.exit(1);
}
console.log(`Camunda Modeler's rules: ${problems} problems in ${diagrams.length} diagrams`);
process.exit(problems === 0 ? 0 : 1);
