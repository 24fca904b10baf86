// Renders inline templates and macro files with a real TemplateEngine (no project on disk needed).
import { TemplateEngine } from '../../../src/templating/environment.js';

export function engineWith(macros: Record<string, string> = {}): TemplateEngine {
  const engine = new TemplateEngine();
  for (const [path, src] of Object.entries(macros)) {
    for (const [name, fn] of Object.entries(engine.loadMacroFile(src, path))) engine.macros.set(name, fn);
  }
  return engine;
}

export function render(src: string, scope: Record<string, unknown> = {}, engine = engineWith()): string {
  return engine.compile(src, 'models/m.sql').render(scope);
}
