import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractIssue } from '../common/contracts/contract-issue';
import { OpenApiContract, type ContractOperation } from '../common/contracts/openapi-contract';
import type { ParsedBody } from '../common/request-body';
import { FAMILY_METHOD, type GoogleModelFamily } from './google-models';

/** The stored Google contracts, relative to the contracts root. */
export const GOOGLE_CONTRACT_FILES = {
  /** Veo, operations, downloads and Imagen, reconstructed from the official SDK's converters. */
  veoImagen: join('google', 'gemini-veo-imagen.reconstructed.openapi.json'),
  /** The Discovery-derived spec (generateContent). */
  discovery: join('google', 'gemini-v1beta.from-discovery.openapi.json'),
} as const;

/**
 * Validates request bodies against the stored Google contracts: Veo and Imagen against the
 * reconstructed spec, generateContent against the Discovery-derived one. Both documents are
 * written for the Gemini API; Vertex bodies are checked against the same schemas, which leave
 * room for Vertex's extra fields (they declare no `additionalProperties: false`).
 */
export class GoogleContracts {
  readonly #veoImagen: OpenApiContract;
  readonly #discovery: OpenApiContract;
  readonly #operations = new Map<string, ContractOperation | undefined>();

  /**
   * @param contractsDir the contracts root (the folder holding `google/`).
   * @throws Error naming the missing file.
   */
  constructor(contractsDir: string) {
    const [veoImagen, discovery] = [GOOGLE_CONTRACT_FILES.veoImagen, GOOGLE_CONTRACT_FILES.discovery].map((file) => {
      const path = join(contractsDir, file);
      if (!existsSync(path)) throw new Error(`contractsDir ${JSON.stringify(contractsDir)} has no ${file} (looked for ${path}).`);
      return OpenApiContract.load(path);
    });
    this.#veoImagen = veoImagen as OpenApiContract;
    this.#discovery = discovery as OpenApiContract;
  }

  /** The contract issues of a request body for `model`'s method (none when the document has no such operation). */
  validate(family: GoogleModelFamily, model: string, body: ParsedBody): ContractIssue[] {
    const contract = family === 'gemini-image' ? this.#discovery : this.#veoImagen;
    const path = `/models/${model}:${FAMILY_METHOD[family]}`;
    if (!this.#operations.has(path)) this.#operations.set(path, contract.findOperation('POST', path));
    const operation = this.#operations.get(path);
    return operation ? contract.validateRequestBody(operation, body) : [];
  }
}
