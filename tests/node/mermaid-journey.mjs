// Parse Mermaid journey diagrams with the mermaid package, headless under jsdom, and
// print what Mermaid understood, as JSON: one object per file given on the command
// line, {title, sections, tasks: [{section, task, score, people}]}, or {error}.
//
// Texts are read back the way a browser shows them: Mermaid writes each text into
// the SVG as a text node, turns the placeholders of `#35;` codes into `&#35;`
// entities in the serialized SVG, and the browser parses those into characters.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;

const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

const serializer = new dom.window.XMLSerializer();

function shown(text) {
  const svg = serializer.serializeToString(document.createTextNode(text));
  const area = document.createElement("textarea");
  area.innerHTML = svg.replace(/ﬂ°°/g, "&#").replace(/ﬂ°/g, "&").replace(/¶ß/g, ";");
  return area.value;
}

const results = [];
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  try {
    await mermaid.parse(text); // throws on any syntax error
    const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
    results.push({
      title: shown(db.getDiagramTitle()),
      sections: db.getSections().map(shown),
      tasks: db.getTasks().map((task) => ({
        section: shown(task.section),
        task: shown(task.task),
        score: task.score,
        people: task.people.map(shown),
      })),
    });
  } catch (error) {
    results.push({ error: String(error.message || error).split("\n")[0] });
  }
}
process.stdout.write(JSON.stringify(results));
