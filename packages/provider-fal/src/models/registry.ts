import type { FalModelDefinition } from './fal-model-definition';
import { bytedanceSeedanceV15ProImageToVideoModel } from './generated/bytedance-seedance-v1-5-pro-image-to-video';
import { bytedanceSeedanceV15ProTextToVideoModel } from './generated/bytedance-seedance-v1-5-pro-text-to-video';
import { bytedanceSeedanceV1LiteImageToVideoModel } from './generated/bytedance-seedance-v1-lite-image-to-video';
import { bytedanceSeedanceV1LiteReferenceToVideoModel } from './generated/bytedance-seedance-v1-lite-reference-to-video';
import { bytedanceSeedanceV1LiteTextToVideoModel } from './generated/bytedance-seedance-v1-lite-text-to-video';
import { bytedanceSeedanceV1ProFastImageToVideoModel } from './generated/bytedance-seedance-v1-pro-fast-image-to-video';
import { bytedanceSeedanceV1ProImageToVideoModel } from './generated/bytedance-seedance-v1-pro-image-to-video';
import {
  bytedanceSeedanceV1ProFastTextToVideoModel,
  bytedanceSeedanceV1ProTextToVideoModel,
} from './generated/bytedance-seedance-v1-pro-text-to-video';
import { flux2Model } from './generated/flux-2';
import { flux2FlashModel, flux2TurboModel } from './generated/flux-2-flash';
import { flux2Klein4bModel, flux2Klein9bModel } from './generated/flux-2-klein-4b';
import { flux2Klein4bBaseModel, flux2Klein9bBaseModel } from './generated/flux-2-klein-4b-base';
import { flux2Klein4bBaseLoraModel, flux2Klein9bBaseLoraModel } from './generated/flux-2-klein-4b-base-lora';
import { flux2LoraModel } from './generated/flux-2-lora';
import { fluxDevModel } from './generated/flux-dev';
import { ideogramV3Model } from './generated/ideogram-v3';
import {
  klingVideoO1ImageToVideoModel,
  klingVideoO1StandardImageToVideoModel,
} from './generated/kling-video-o1-image-to-video';
import {
  klingVideoO1ReferenceToVideoModel,
  klingVideoO1StandardReferenceToVideoModel,
} from './generated/kling-video-o1-reference-to-video';
import {
  klingVideoO1StandardVideoToVideoEditModel,
  klingVideoO1VideoToVideoEditModel,
} from './generated/kling-video-o1-video-to-video-edit';
import {
  klingVideoO1StandardVideoToVideoReferenceModel,
  klingVideoO1VideoToVideoReferenceModel,
} from './generated/kling-video-o1-video-to-video-reference';
import { klingVideoV26ProImageToVideoModel } from './generated/kling-video-v2-6-pro-image-to-video';
import {
  klingVideoV26ProMotionControlModel,
  klingVideoV26StandardMotionControlModel,
} from './generated/kling-video-v2-6-pro-motion-control';
import { klingVideoV26ProTextToVideoModel } from './generated/kling-video-v2-6-pro-text-to-video';
import { minimaxHailuo02ProImageToVideoModel } from './generated/minimax-hailuo-02-pro-image-to-video';
import { minimaxHailuo02ProTextToVideoModel } from './generated/minimax-hailuo-02-pro-text-to-video';
import { minimaxHailuo02StandardImageToVideoModel } from './generated/minimax-hailuo-02-standard-image-to-video';
import { minimaxHailuo02StandardTextToVideoModel } from './generated/minimax-hailuo-02-standard-text-to-video';
import { pixverseSwapModel } from './generated/pixverse-swap';
import { pixverseV55EffectsModel } from './generated/pixverse-v5-5-effects';
import { pixverseV55ImageToVideoModel } from './generated/pixverse-v5-5-image-to-video';
import { pixverseV55TextToVideoModel } from './generated/pixverse-v5-5-text-to-video';
import { pixverseV55TransitionModel } from './generated/pixverse-v5-5-transition';
import { recraftV3TextToImageModel } from './generated/recraft-v3-text-to-image';
import { sora2ImageToVideoModel } from './generated/sora-2-image-to-video';
import { sora2ImageToVideoProModel } from './generated/sora-2-image-to-video-pro';
import { sora2TextToVideoModel } from './generated/sora-2-text-to-video';
import { sora2TextToVideoProModel } from './generated/sora-2-text-to-video-pro';
import { sora2VideoToVideoRemixModel } from './generated/sora-2-video-to-video-remix';
import { veo3FastModel, veo3Model } from './generated/veo3';
import { veo31FastModel, veo31Model } from './generated/veo3-1';
import { veo31ExtendVideoModel, veo31FastExtendVideoModel } from './generated/veo3-1-extend-video';
import {
  veo31FastFirstLastFrameToVideoModel,
  veo31FirstLastFrameToVideoModel,
} from './generated/veo3-1-first-last-frame-to-video';
import { veo31FastImageToVideoModel, veo31ImageToVideoModel } from './generated/veo3-1-image-to-video';
import { veo31ReferenceToVideoModel } from './generated/veo3-1-reference-to-video';
import { veo3FastImageToVideoModel, veo3ImageToVideoModel } from './generated/veo3-image-to-video';
import { wan25PreviewImageToVideoModel } from './generated/wan-25-preview-image-to-video';
import { wan25PreviewTextToImageModel } from './generated/wan-25-preview-text-to-image';
import { wan25PreviewTextToVideoModel } from './generated/wan-25-preview-text-to-video';
import { wanV22A14bImageToVideoModel } from './generated/wan-v2-2-a14b-image-to-video';
import { wanV22A14bImageToVideoLoraModel } from './generated/wan-v2-2-a14b-image-to-video-lora';
import { wanV22A14bImageToVideoTurboModel } from './generated/wan-v2-2-a14b-image-to-video-turbo';
import { wanV22A14bTextToImageModel } from './generated/wan-v2-2-a14b-text-to-image';
import { wanV22A14bTextToImageLoraModel } from './generated/wan-v2-2-a14b-text-to-image-lora';
import { wanV22A14bTextToVideoModel } from './generated/wan-v2-2-a14b-text-to-video';
import { wanV22A14bTextToVideoLoraModel } from './generated/wan-v2-2-a14b-text-to-video-lora';
import { wanV22A14bTextToVideoTurboModel } from './generated/wan-v2-2-a14b-text-to-video-turbo';
import { wanV22A14bVideoToVideoModel } from './generated/wan-v2-2-a14b-video-to-video';
import { zImageTurboModel } from './generated/z-image-turbo';
import { zImageTurboLoraModel } from './generated/z-image-turbo-lora';

/** Generated fal endpoint definitions, by exact endpoint id. Edited by `pnpm codegen`. */
export const falModels: Readonly<Record<string, FalModelDefinition>> = {
  'fal-ai/bytedance/seedance/v1.5/pro/image-to-video': bytedanceSeedanceV15ProImageToVideoModel,
  'fal-ai/bytedance/seedance/v1.5/pro/text-to-video': bytedanceSeedanceV15ProTextToVideoModel,
  'fal-ai/bytedance/seedance/v1/lite/image-to-video': bytedanceSeedanceV1LiteImageToVideoModel,
  'fal-ai/bytedance/seedance/v1/lite/reference-to-video': bytedanceSeedanceV1LiteReferenceToVideoModel,
  'fal-ai/bytedance/seedance/v1/lite/text-to-video': bytedanceSeedanceV1LiteTextToVideoModel,
  'fal-ai/bytedance/seedance/v1/pro/fast/image-to-video': bytedanceSeedanceV1ProFastImageToVideoModel,
  'fal-ai/bytedance/seedance/v1/pro/fast/text-to-video': bytedanceSeedanceV1ProFastTextToVideoModel,
  'fal-ai/bytedance/seedance/v1/pro/image-to-video': bytedanceSeedanceV1ProImageToVideoModel,
  'fal-ai/bytedance/seedance/v1/pro/text-to-video': bytedanceSeedanceV1ProTextToVideoModel,
  'fal-ai/flux-2': flux2Model,
  'fal-ai/flux-2/flash': flux2FlashModel,
  'fal-ai/flux-2/klein/4b': flux2Klein4bModel,
  'fal-ai/flux-2/klein/4b/base': flux2Klein4bBaseModel,
  'fal-ai/flux-2/klein/4b/base/lora': flux2Klein4bBaseLoraModel,
  'fal-ai/flux-2/klein/9b': flux2Klein9bModel,
  'fal-ai/flux-2/klein/9b/base': flux2Klein9bBaseModel,
  'fal-ai/flux-2/klein/9b/base/lora': flux2Klein9bBaseLoraModel,
  'fal-ai/flux-2/lora': flux2LoraModel,
  'fal-ai/flux-2/turbo': flux2TurboModel,
  'fal-ai/flux/dev': fluxDevModel,
  'fal-ai/ideogram/v3': ideogramV3Model,
  'fal-ai/kling-video/o1/image-to-video': klingVideoO1ImageToVideoModel,
  'fal-ai/kling-video/o1/reference-to-video': klingVideoO1ReferenceToVideoModel,
  'fal-ai/kling-video/o1/standard/image-to-video': klingVideoO1StandardImageToVideoModel,
  'fal-ai/kling-video/o1/standard/reference-to-video': klingVideoO1StandardReferenceToVideoModel,
  'fal-ai/kling-video/o1/standard/video-to-video/edit': klingVideoO1StandardVideoToVideoEditModel,
  'fal-ai/kling-video/o1/standard/video-to-video/reference': klingVideoO1StandardVideoToVideoReferenceModel,
  'fal-ai/kling-video/o1/video-to-video/edit': klingVideoO1VideoToVideoEditModel,
  'fal-ai/kling-video/o1/video-to-video/reference': klingVideoO1VideoToVideoReferenceModel,
  'fal-ai/kling-video/v2.6/pro/image-to-video': klingVideoV26ProImageToVideoModel,
  'fal-ai/kling-video/v2.6/pro/motion-control': klingVideoV26ProMotionControlModel,
  'fal-ai/kling-video/v2.6/pro/text-to-video': klingVideoV26ProTextToVideoModel,
  'fal-ai/kling-video/v2.6/standard/motion-control': klingVideoV26StandardMotionControlModel,
  'fal-ai/minimax/hailuo-02/pro/image-to-video': minimaxHailuo02ProImageToVideoModel,
  'fal-ai/minimax/hailuo-02/pro/text-to-video': minimaxHailuo02ProTextToVideoModel,
  'fal-ai/minimax/hailuo-02/standard/image-to-video': minimaxHailuo02StandardImageToVideoModel,
  'fal-ai/minimax/hailuo-02/standard/text-to-video': minimaxHailuo02StandardTextToVideoModel,
  'fal-ai/pixverse/swap': pixverseSwapModel,
  'fal-ai/pixverse/v5.5/effects': pixverseV55EffectsModel,
  'fal-ai/pixverse/v5.5/image-to-video': pixverseV55ImageToVideoModel,
  'fal-ai/pixverse/v5.5/text-to-video': pixverseV55TextToVideoModel,
  'fal-ai/pixverse/v5.5/transition': pixverseV55TransitionModel,
  'fal-ai/recraft/v3/text-to-image': recraftV3TextToImageModel,
  'fal-ai/sora-2/image-to-video': sora2ImageToVideoModel,
  'fal-ai/sora-2/image-to-video/pro': sora2ImageToVideoProModel,
  'fal-ai/sora-2/text-to-video': sora2TextToVideoModel,
  'fal-ai/sora-2/text-to-video/pro': sora2TextToVideoProModel,
  'fal-ai/sora-2/video-to-video/remix': sora2VideoToVideoRemixModel,
  'fal-ai/veo3': veo3Model,
  'fal-ai/veo3.1': veo31Model,
  'fal-ai/veo3.1/extend-video': veo31ExtendVideoModel,
  'fal-ai/veo3.1/fast': veo31FastModel,
  'fal-ai/veo3.1/fast/extend-video': veo31FastExtendVideoModel,
  'fal-ai/veo3.1/fast/first-last-frame-to-video': veo31FastFirstLastFrameToVideoModel,
  'fal-ai/veo3.1/fast/image-to-video': veo31FastImageToVideoModel,
  'fal-ai/veo3.1/first-last-frame-to-video': veo31FirstLastFrameToVideoModel,
  'fal-ai/veo3.1/image-to-video': veo31ImageToVideoModel,
  'fal-ai/veo3.1/reference-to-video': veo31ReferenceToVideoModel,
  'fal-ai/veo3/fast': veo3FastModel,
  'fal-ai/veo3/fast/image-to-video': veo3FastImageToVideoModel,
  'fal-ai/veo3/image-to-video': veo3ImageToVideoModel,
  'fal-ai/wan-25-preview/image-to-video': wan25PreviewImageToVideoModel,
  'fal-ai/wan-25-preview/text-to-image': wan25PreviewTextToImageModel,
  'fal-ai/wan-25-preview/text-to-video': wan25PreviewTextToVideoModel,
  'fal-ai/wan/v2.2-a14b/image-to-video': wanV22A14bImageToVideoModel,
  'fal-ai/wan/v2.2-a14b/image-to-video/lora': wanV22A14bImageToVideoLoraModel,
  'fal-ai/wan/v2.2-a14b/image-to-video/turbo': wanV22A14bImageToVideoTurboModel,
  'fal-ai/wan/v2.2-a14b/text-to-image': wanV22A14bTextToImageModel,
  'fal-ai/wan/v2.2-a14b/text-to-image/lora': wanV22A14bTextToImageLoraModel,
  'fal-ai/wan/v2.2-a14b/text-to-video': wanV22A14bTextToVideoModel,
  'fal-ai/wan/v2.2-a14b/text-to-video/lora': wanV22A14bTextToVideoLoraModel,
  'fal-ai/wan/v2.2-a14b/text-to-video/turbo': wanV22A14bTextToVideoTurboModel,
  'fal-ai/wan/v2.2-a14b/video-to-video': wanV22A14bVideoToVideoModel,
  'fal-ai/z-image/turbo': zImageTurboModel,
  'fal-ai/z-image/turbo/lora': zImageTurboLoraModel,
};
