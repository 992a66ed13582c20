import { packageBuild } from '../../tsup.shared';

export default packageBuild({
  entry: {
    index: 'src/index.ts',
    'helpers/index': 'src/helpers/index.ts',
    'fal/index': 'src/fal/index.ts',
    'replicate/index': 'src/replicate/index.ts',
    'google/index': 'src/google/index.ts',
    'openai/index': 'src/openai/index.ts',
    'stability/index': 'src/stability/index.ts',
  },
  platform: 'node',
});
