// What the process owners' editors need beyond Camunda's modeling distributions, which are UMD
// files copied as they are (camunda-bpmn-js, camunda-dmn-js, form-js editor):
//  - @camunda/linting: the rules of Camunda Modeler's problems panel (Linter) and its modeler
//    module (problem markers on the canvas and in the properties panel);
//  - bpmn-js-differ: the semantic diff of two BPMN diagrams for the history page.
// Both ship ES modules only, so the Maven build bundles this file with esbuild (npm run
// bundle-modeling) into target/classes/static/vendor/modeling/modeling-support.js. It defines one
// global, PartnerflowModeling.
import { Linter } from '@camunda/linting';
import lintingModule from '@camunda/linting/modeler';
import { diff } from 'bpmn-js-differ';

window.PartnerflowModeling = Object.freeze({
  Linter,
  lintingModule,
  diff,
  // Partnerflow's user tasks are job worker-based on purpose (README, "Human tasks"); the same
  // exception as src/lint/modeler-problems.mjs.
  exceptions: Object.freeze({ 'camunda-compat/zeebe-user-task': 'off' })
});
