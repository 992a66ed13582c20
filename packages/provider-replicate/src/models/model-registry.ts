import { fluxDev, fluxKontext, fluxPro, fluxProUltra, fluxSchnell } from './flux';
import { veo3, veo31 } from './google-veo';
import { ideogramV3 } from './ideogram';
import { klingFirstLast, klingTextOrImage, klingV21 } from './kling';
import { lumaRay, lumaRay2 } from './luma-ray';
import { hailuo02, video01 } from './minimax';
import { recraftV3 } from './recraft';
import type { ReplicateModelDefinition } from './replicate-model';
import { seedanceLite, seedancePro } from './seedance';
import { sdxl, stableDiffusion35 } from './stability';
import { wan22ImageToVideo, wan22TextToVideo } from './wan';

/** Every built-in mapping. */
export const REPLICATE_MODEL_DEFINITIONS: readonly ReplicateModelDefinition[] = [
  veo3,
  veo31,
  klingV21,
  klingTextOrImage,
  klingFirstLast,
  hailuo02,
  video01,
  seedancePro,
  seedanceLite,
  wan22TextToVideo,
  wan22ImageToVideo,
  lumaRay,
  lumaRay2,
  fluxSchnell,
  fluxDev,
  fluxPro,
  fluxProUltra,
  fluxKontext,
  ideogramV3,
  recraftV3,
  stableDiffusion35,
  sdxl,
];

const byId = new Map<string, ReplicateModelDefinition>(REPLICATE_MODEL_DEFINITIONS.flatMap((definition) => definition.ids.map((id) => [id, definition] as const)));

/** The built-in mapping of an exact `owner/name` id, if any (no prefix matching). */
export function findModelDefinition(modelId: string): ReplicateModelDefinition | undefined {
  return byId.get(modelId);
}

/** Every model id with a built-in mapping. */
export const REPLICATE_MODEL_IDS: readonly string[] = [...byId.keys()];
