import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractIssue } from '../common/contracts/contract-issue';
import { OpenApiContract, type ContractOperation } from '../common/contracts/openapi-contract';
import type { ParsedBody } from '../common/request-body';

/** Where the reconstructed Stability document lives under a contracts root. */
export const STABILITY_CONTRACT_FILE = join('stability', 'v2beta-subset.reconstructed.openapi.json');

/** The generate endpoints: `/v2beta/stable-image/generate/{endpoint}`. */
export const STABILITY_IMAGE_ENDPOINTS = ['ultra', 'core', 'sd3'] as const;

/** One of {@link STABILITY_IMAGE_ENDPOINTS}. */
export type StabilityImageEndpoint = (typeof STABILITY_IMAGE_ENDPOINTS)[number];

/**
 * sd3 `model` values the contract's enum lacks but the API takes: `sd3.5-flash` is named in
 * the field's description, and the `sd3-*` ids are re-routed to their sd3.5 successors.
 */
export const SD3_EXTRA_MODELS: Readonly<Record<string, string>> = {
  'sd3.5-flash': 'sd3.5-flash',
  'sd3-large': 'sd3.5-large',
  'sd3-large-turbo': 'sd3.5-large-turbo',
  'sd3-medium': 'sd3.5-medium',
};

/**
 * The stored, reconstructed Stability v2beta document (`wire.md` §5) and the operations the
 * fake server validates against.
 */
export class StabilityContract {
  readonly contract: OpenApiContract;
  readonly #generate: ReadonlyMap<StabilityImageEndpoint, ContractOperation | undefined>;
  readonly #imageToVideo: ContractOperation | undefined;

  /**
   * @param contractsDir the contracts root (the folder holding `stability/`).
   * @throws Error naming the file when the document is missing.
   */
  constructor(contractsDir: string) {
    const file = join(contractsDir, STABILITY_CONTRACT_FILE);
    if (!existsSync(file)) throw new Error(`contractsDir ${JSON.stringify(contractsDir)} has no Stability contract (looked for ${file}).`);
    this.contract = OpenApiContract.load(file);
    this.#generate = new Map(STABILITY_IMAGE_ENDPOINTS.map((endpoint) => [endpoint, this.contract.findOperation('POST', `/v2beta/stable-image/generate/${endpoint}`)]));
    this.#imageToVideo = this.contract.findOperation('POST', '/v2beta/image-to-video');
  }

  /** Problems of a generate body; the sd3 `model` values in {@link SD3_EXTRA_MODELS} pass. */
  validateGenerate(endpoint: StabilityImageEndpoint, body: ParsedBody): ContractIssue[] {
    const operation = this.#generate.get(endpoint);
    if (!operation) return [];
    return this.contract
      .validateRequestBody(operation, body)
      .filter((issue) => !(endpoint === 'sd3' && issue.path.join('.') === 'model' && typeof issue.value === 'string' && issue.value in SD3_EXTRA_MODELS));
  }

  /** Problems of an image-to-video body. */
  validateImageToVideo(body: ParsedBody): ContractIssue[] {
    return this.#imageToVideo ? this.contract.validateRequestBody(this.#imageToVideo, body) : [];
  }
}
