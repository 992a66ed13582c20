import { packageBuild } from '../../tsup.shared';

export default packageBuild({ entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' } });
