// Compiles Python modules to bytecode with the very Python the site ships (Pyodide's, run
// under Node), for macros/hooks/pyodide_assets.py: only that interpreter writes bytecode its
// own runtime accepts, and the build machine's Python is another version.
//
//   node macros/hooks/pyodide_compile.mjs < sources.json > compiled.json
//
// In: {"calculators/web.py": "<base64 of the source>", ...}.
// Out: {"python": "3.14", "compiled": {"calculators/web.py": "<base64 of the .pyc>", ...}}.
// Each .pyc is hash-based and unchecked (PEP 552): the same source gives the same bytes on
// every build, and the interpreter loading it never looks for the source.
import { loadPyodide } from "pyodide";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pyodide = await loadPyodide({
  stdout: (text) => process.stderr.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
});
pyodide.globals.set("request", Buffer.concat(chunks).toString("utf8"));
const program = `
import base64, json, os, py_compile, sys, tempfile

compiled = {}
with tempfile.TemporaryDirectory() as scratch:
    source, target = os.path.join(scratch, "module.py"), os.path.join(scratch, "module.pyc")
    for name, text in json.loads(request).items():
        with open(source, "wb") as file:
            file.write(base64.b64decode(text))
        py_compile.compile(
            source, cfile=target, dfile=name, doraise=True,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        with open(target, "rb") as file:
            compiled[name] = base64.b64encode(file.read()).decode("ascii")
json.dumps({"python": "%d.%d" % sys.version_info[:2], "compiled": compiled})
`;
try {
  process.stdout.write(pyodide.runPython(program));
} catch (error) {
  process.stderr.write(String(error?.message ?? error)); // the Python traceback, not the runtime's source
  process.exitCode = 1;
}
