/**
 * The iframe embed page (embed.html): one <archsim-embed> filling the frame,
 * its scenario taken from the URL: `?scenario=mm1` (a bundled scenario) or
 * `#design=…` (the app's share format). Options: variant, seed, duration,
 * autorun, readonly, theme, lesson (`lesson`, `lesson=collapsed`). A bad URL shows a message in the element.
 */
import { bundled } from '../ui/bundled.js';
import { decodeShare } from '../state/share.js';
import { exportYaml } from '../state/yaml-io.js';
import type { ArchsimEmbed } from './embed.js';
import './embed.js';

/** The longest value accepted for a query option, in characters. */
const MAX_OPTION_CHARS = 200;

/** Finds a bundled scenario by file name, with or without ".yaml". */
function findBundled(name: string) {
  const file = /\.ya?ml$/.test(name) ? name : `${name}.yaml`;
  return bundled.find((b) => b.file === file);
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const el = document.createElement('archsim-embed') as ArchsimEmbed;
  const option = (k: string) => (params.get(k) ?? '').slice(0, MAX_OPTION_CHARS);
  // a flag is on when present (`?autorun`, `?autorun=1`) unless set to 0 or false
  const flag = (k: string) => params.has(k) && params.get(k) !== '0' && params.get(k) !== 'false';
  el.variant = option('variant');
  el.seed = option('seed');
  el.duration = option('duration');
  el.autorun = flag('autorun');
  el.readonly = flag('readonly');
  el.lesson = flag('lesson') ? (option('lesson') === 'collapsed' ? 'collapsed' : 'open') : null;
  const theme = option('theme');
  el.theme = theme === 'light' || theme === 'dark' ? theme : 'auto';
  el.app = './';
  el.height = '100vh';

  const name = option('scenario');
  const hash = /^#design=(.*)$/.exec(location.hash)?.[1];
  const names = bundled.map((x) => x.file.replace(/\.yaml$/, '')).join(', ');
  let problem = '';
  if (hash !== undefined) {
    try {
      el.yaml = exportYaml(await decodeShare(hash));
      el.yamlName = 'shared link';
    } catch (e) {
      problem = `Could not open the shared design: ${(e as Error).message}.`;
    }
  } else if (name) {
    const b = findBundled(name);
    if (b) {
      el.yaml = b.text;
      el.yamlName = b.file;
    } else problem = `There is no bundled scenario called "${name.slice(0, 60)}". Bundled scenarios: ${names}.`;
  } else
    problem = `No scenario in the URL. Use embed.html?scenario=NAME (one of: ${names}) or embed.html#design=… from the app's Share button.`;
  document.body.replaceChildren(el);
  if (problem) {
    await el.updateComplete;
    el.showError(problem);
  }
}

void main();
