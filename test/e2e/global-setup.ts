/** Builds the app once for the whole e2e run; each file's build() then reuses it. */
import { build } from './harness.js';

export default function setup(): void {
  build();
  process.env.E2E_NO_BUILD = '1';
}
