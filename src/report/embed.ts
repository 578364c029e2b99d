// What the HTML pages embed: the run's data as JSON in a script element, and a function of ours
// as the script that reads it.

/** JSON to embed in a script element: `<` escaped, so no value can close the element. */
export function embedded(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * A script calling `fn` (written to stand alone) on the JSON of the script element `id`, then on
 * `more` (names the page defines). Under tsx and vitest, esbuild names nested functions with a
 * `__name` helper of its own module: the script gets one that does nothing, in a block of its own
 * so that a page can hold several such scripts.
 */
export function scriptCalling(
  fn: (...args: never[]) => void,
  id: string,
  ...more: string[]
): string {
  const args = [`JSON.parse(document.getElementById('${id}').textContent)`, ...more].join(', ');
  return `<script>{\nconst __name = (f) => f;\n(${fn.toString()})(${args});\n}</script>`;
}
