// The part of datapackage-js (Frictionless, no bundled types) that tests/downloads.test.ts uses.
declare module 'datapackage' {
  export interface Resource {
    name: string;
    read(options: { keyed: true; cast?: boolean }): Promise<Record<string, unknown>[]>;
  }
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: Resource[];
  }
}
