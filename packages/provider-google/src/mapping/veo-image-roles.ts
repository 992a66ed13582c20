import { ValidationError, type ImageInput, type ImageRole, type ValidationIssue } from '@tarash/core';

/** Roles that make an image a Veo reference image (`reference` is taken as an asset). */
export const VEO_REFERENCE_ROLES: readonly ImageRole[] = ['reference', 'asset', 'style'];

/** Most reference images Veo takes (wire.md §4.2). */
export const MAX_VEO_REFERENCES = 3;

/**
 * Veo's rules for input images, checked before anything is sent: one first frame and one last
 * frame at most, a last frame only with a first frame, at most three reference images, and
 * reference images never together with a first or last frame.
 */
export function checkVeoImageRoles(imageList: readonly ImageInput[] | undefined, target: { readonly provider: string; readonly model: string }): void {
  const list = imageList ?? [];
  const indices = (roles: readonly ImageRole[]) => list.flatMap((image, index) => (roles.includes(image.type) ? [index] : []));
  const first = indices(['first_frame']);
  const last = indices(['last_frame']);
  const references = indices(VEO_REFERENCE_ROLES);
  const issues: ValidationIssue[] = [];
  for (const [role, found] of [['first_frame', first], ['last_frame', last]] as const) {
    if (found.length > 1) issues.push({ field: `imageList[${found[1]}]`, value: role, message: `Veo takes one image with role "${role}"; found ${found.length} (at imageList[${found.join('], [')}])` });
  }
  if (last.length > 0 && first.length === 0) {
    issues.push({ field: `imageList[${last[0]}]`, value: 'last_frame', message: 'a last frame needs a first frame: add an image with role "first_frame"' });
  }
  if (references.length > MAX_VEO_REFERENCES) {
    issues.push({ field: 'imageList', value: `${references.length} reference images`, message: `Veo takes at most ${MAX_VEO_REFERENCES} reference images (roles ${VEO_REFERENCE_ROLES.join('/')})` });
  }
  if (references.length > 0 && first.length + last.length > 0) {
    issues.push({
      field: `imageList[${references[0]}]`,
      value: list[references[0] as number]?.type,
      message: 'reference images cannot be combined with a first or last frame; send either frames or references',
    });
  }
  if (issues.length > 0) throw new ValidationError({ ...target, issues });
}
