// Runs the calculators inside the npm Pyodide on requests read from a JSON file and prints
// the responses as a JSON array, in order. The wheel and its lock file come from a built
// site (assets/pyodide/), so this checks exactly what the site ships.
//
//   node tests/pyodide/run_cases.mjs SITE_DIR CASES.json > responses.json
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadPyodide } from "pyodide";

const [siteDir, casesFile] = process.argv.slice(2);
if (!siteDir || !casesFile) {
  console.error("usage: node run_cases.mjs SITE_DIR CASES.json");
  process.exit(2);
}
// The wheel and its lock file sit in a folder named by their content (calculators-HASH).
const runtime = path.resolve(siteDir, "assets", "pyodide");
const folder = readdirSync(runtime).find((name) => name.startsWith("calculators-"));
const assets = path.join(runtime, folder) + path.sep;
const cases = JSON.parse(readFileSync(casesFile, "utf8"));
const lock = JSON.parse(readFileSync(assets + "pyodide-lock.json", "utf8")); // read once, as the worker does
const pyodide = await loadPyodide({
  lockFileContents: lock,
  packageBaseUrl: assets,
  stdout: () => {},
  stderr: (text) => console.error(text),
});
// As the site's worker does (docs/assets/js/calculator-worker.mjs): the wheel, checked against
// its lock entry, is imported from the zip as it is, not installed.
const entry = lock.packages["hiring-calculators"];
const wheel = readFileSync(assets + entry.file_name);
if (createHash("sha256").update(wheel).digest("hex") !== entry.sha256) {
  console.error(`${entry.file_name} does not match the sha256 in its lock file`);
  process.exit(1);
}
const onPath = `/home/pyodide/${entry.file_name}`;
pyodide.FS.writeFile(onPath, wheel);
pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(onPath)})`);
const respond = pyodide.pyimport("calculators.web").respond;
const version = pyodide.runPython("import sys; sys.version.split()[0]");
const responses = cases.map((request) => respond(request));
process.stdout.write(JSON.stringify({ python: version, responses }));
