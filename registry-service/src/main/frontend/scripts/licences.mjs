// The npm side of the build's licence check (the Maven side is license-maven-plugin in the parent
// POM): every package in package-lock.json, dev tools included, must carry an open-source licence.
// The lock file records each package's declared licence (an SPDX expression); "A OR B" needs one
// allowed, "A AND B" both. Fails the build (exit 1) naming each package that does not pass.
import { readFileSync } from 'node:fs';

// The parent POM's includedLicenses, plus ISC (OSI-approved, common on npm).
const ALLOWED = new Set([
  'Apache-2.0', 'MIT', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'ISC', 'EPL-1.0', 'EPL-2.0', 'LGPL-2.1',
  'LGPL-3.0', 'MPL-1.1', 'MPL-2.0', 'CC0-1.0', 'UPL-1.0', 'W3C', 'PostgreSQL',
]);

// Packages whose licence is not an SPDX id, read and accepted one by one.
const REVIEWED = [
  // the bpmn.io License: MIT terms plus keeping the bpmn.io watermark visible (the task pages keep it)
  { name: /^@bpmn-io\/form-js(-[a-z-]+)?$/, licence: 'SEE LICENSE IN LICENSE', as: 'bpmn.io License' },
];

/** Whether an SPDX expression is satisfied by the allowed licences (OR: either side, AND: both). */
function allowed(expression) {
  const tokens = expression.replace(/[()]/g, (p) => ` ${p} `).trim().split(/\s+/);
  let position = 0;
  const term = () => {
    const token = tokens[position++];
    if (token === '(') {
      const value = or();
      position++; // ')'
      return value;
    }
    return ALLOWED.has(token?.replace(/-only$/, ''));
  };
  const and = () => {
    let value = term();
    while (tokens[position] === 'AND') {
      position++;
      value = term() && value;
    }
    return value;
  };
  const or = () => {
    let value = and();
    while (tokens[position] === 'OR') {
      position++;
      value = and() || value;
    }
    return value;
  };
  return or() && position === tokens.length;
}

// node scripts/licences.mjs [lock file]: this project's package-lock.json by default
const lock = JSON.parse(readFileSync(process.argv[2] ?? new URL('../package-lock.json', import.meta.url), 'utf8'));
const refused = [];
let checked = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  if (path === '' || entry.link) continue; // the project itself
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const licence = entry.license ?? '';
  checked++;
  const reviewed = REVIEWED.find((r) => r.name.test(name) && r.licence === licence);
  if (!reviewed && !(licence && allowed(licence))) {
    refused.push(`${name}@${entry.version}: ${licence || 'no licence declared'}`);
  }
}
if (refused.length) {
  console.error(`Packages without an allowed open-source licence (scripts/licences.mjs):\n  ${refused.join('\n  ')}`);
  process.exit(1);
}
console.log(`npm licences: ${checked} packages, all open source.`);
