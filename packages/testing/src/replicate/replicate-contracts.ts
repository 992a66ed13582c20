import { join } from 'node:path';
import type { ContractIssue } from '../common/contracts/contract-issue';
import { OpenApiContract, type ContractOperation } from '../common/contracts/openapi-contract';
import { bundleSchema } from '../common/contracts/schema-bundle';
import { SchemaValidator } from '../common/contracts/schema-validator';
import type { ParsedBody } from '../common/request-body';
import type { FileUploadFields } from './replicate-files';

/** The create operations, by the contract's path template (its server URL carries `/v1`). */
export type ReplicateCreateOperation = '/predictions' | '/models/{model_owner}/{model_name}/predictions' | '/deployments/{deployment_owner}/{deployment_name}/predictions';

/**
 * Replicate's stored OpenAPI document (`<contractsDir>/replicate/openapi.json`), used to check
 * create bodies (`additionalProperties: false`, required `version` and `input`) and uploads.
 */
export class ReplicateContracts {
  readonly contract: OpenApiContract;
  readonly #fileValidator: SchemaValidator | undefined;

  /** @throws Error naming the file when the document is missing or unreadable. */
  constructor(contractsDir: string) {
    this.contract = OpenApiContract.load(join(contractsDir, 'replicate', 'openapi.json'));
    const upload = this.#operation('/files');
    const schema = upload ? this.contract.requestBodySchema(upload, 'multipart/form-data') : undefined;
    this.#fileValidator = schema === undefined ? undefined : new SchemaValidator(bundleSchema(this.contract.document, schema, this.contract.dialect), this.contract.dialect, false);
  }

  /** Problems of a create body against its operation's request schema. */
  validateCreate(template: ReplicateCreateOperation, body: ParsedBody): ContractIssue[] {
    const operation = this.#operation(template);
    return operation ? this.contract.validateRequestBody(operation, body) : [];
  }

  /** Problems of an upload (files stand in as their names; `metadata` parsed). */
  validateUpload(fields: FileUploadFields): ContractIssue[] {
    return (
      this.#fileValidator?.validate({
        content: fields.content.fileName,
        metadata: fields.metadata,
        ...(fields.filename !== undefined ? { filename: fields.filename } : {}),
        ...(fields.type !== undefined ? { type: fields.type } : {}),
      }) ?? []
    );
  }

  #operation(template: string): ContractOperation | undefined {
    return this.contract.findOperation('POST', template);
  }
}
