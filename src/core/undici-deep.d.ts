// Types for the two undici internals the CLI imports directly. Loading
// `undici` whole costs ~150 ms at start-up; a command needs only a Pool and
// the request API. These paths are the ones undici's own index.js wires up.
declare module 'undici/lib/dispatcher/pool.js' {
  import type { Pool } from 'undici';
  const PoolCtor: typeof Pool;
  export default PoolCtor;
}
declare module 'undici/lib/api/api-request.js' {
  import type { Dispatcher } from 'undici';
  function request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
  export default request;
}
