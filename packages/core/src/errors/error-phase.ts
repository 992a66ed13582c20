/** Where in a job's life an error happened. Decides whether retrying could pay twice. */
export type ErrorPhase =
  | 'validation'
  | 'upload'
  | 'submit'
  | 'generate'
  | 'status'
  | 'result'
  | 'download'
  | 'cancel';
