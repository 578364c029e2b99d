// Worker threads start from plain JavaScript: register tsx's loader, then hand over to worker.ts.
import { register } from 'tsx/esm/api';

register();
const { default: work, chunk } = await import('./worker.ts');

export default work;
export { chunk };
