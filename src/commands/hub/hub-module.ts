// What the CLI needs from src/hub/start.ts, which it loads only with import()
// so the hub's packages stay off every other command's start-up path. Kept
// structural so the front end does not import the hub's types statically.
export interface HubOptions {
  dataFile: string;
  host?: string;
  port?: number;
  demo?: boolean;
  seed?: number;
  speed?: number;
  log?: (line: string) => void;
  now?: () => Date;
}

export interface RunningHub {
  url: string;
  port: number;
  dataFile: string;
  adminToken: string | undefined;
  close(): Promise<void>;
}

export interface HubModule {
  startHub(options: HubOptions): Promise<RunningHub>;
}
