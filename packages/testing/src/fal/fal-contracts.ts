import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { OpenApiContract, type ContractOperation } from '../common/contracts/openapi-contract';

/** A fal endpoint's OpenAPI document and the operations the fake server uses. */
export interface FalEndpointContract {
  readonly contract: OpenApiContract;
  readonly submit: ContractOperation | undefined;
  /** Catalogue category (`text-to-video`, `text-to-image`...), from `info.x-fal-metadata`. */
  readonly category: string | undefined;
  /** The unresolved schema of a completed result (`<Model>Output`). */
  readonly outputSchema: unknown;
}

/** The file name of an endpoint's document: `/` in the id becomes `__`. */
export function falContractFileName(endpointId: string): string {
  return `${endpointId.replaceAll('/', '__')}.json`;
}

/**
 * Finds fal per-endpoint OpenAPI documents under `<contractsDir>/fal/openapi/`. Lookups are
 * cached, so thousands of submits cost one file check per endpoint.
 */
export class FalContracts {
  readonly directory: string;
  readonly #entries = new Map<string, FalEndpointContract | undefined>();

  /**
   * @param contractsDir the contracts root (the folder holding `fal/openapi/`).
   * @throws Error naming the folder when it does not exist.
   */
  constructor(contractsDir: string) {
    this.directory = join(contractsDir, 'fal', 'openapi');
    if (!existsSync(this.directory) || !statSync(this.directory).isDirectory()) {
      throw new Error(`contractsDir ${JSON.stringify(contractsDir)} has no fal/openapi folder (looked for ${this.directory}).`);
    }
  }

  /** The contract of `endpointId`, or undefined when none is stored (the endpoint is then accepted unchecked). */
  forEndpoint(endpointId: string): FalEndpointContract | undefined {
    if (this.#entries.has(endpointId)) return this.#entries.get(endpointId);
    const file = join(this.directory, falContractFileName(endpointId));
    let entry: FalEndpointContract | undefined;
    if (existsSync(file)) {
      const contract = OpenApiContract.load(file);
      const result = contract.findOperation('GET', `/${endpointId}/requests/{request_id}`);
      const info = contract.document.info as { 'x-fal-metadata'?: { category?: unknown } } | undefined;
      const category = info?.['x-fal-metadata']?.category;
      entry = {
        contract,
        submit: contract.findOperation('POST', `/${endpointId}`),
        category: typeof category === 'string' ? category : undefined,
        outputSchema: result ? contract.responseSchema(result) : undefined,
      };
    }
    this.#entries.set(endpointId, entry);
    return entry;
  }
}
