/**
 * Just enough H.264 (Baseline profile, CAVLC) to produce a decodable, solid-colour stream
 * without an encoder: the first frame is an IDR picture made of I_PCM macroblocks (raw
 * samples, no prediction or transform), every later frame a P picture whose macroblocks are
 * all skipped (a copy of the previous frame, a few bytes each).
 */

class BitWriter {
  readonly #bytes: number[] = [];
  #current = 0;
  #used = 0;

  bit(value: number): void {
    this.#current = (this.#current << 1) | (value & 1);
    this.#used += 1;
    if (this.#used === 8) {
      this.#bytes.push(this.#current);
      this.#current = 0;
      this.#used = 0;
    }
  }

  /** u(n): an unsigned integer in `bits` bits, most significant first. */
  u(bits: number, value: number): void {
    for (let shift = bits - 1; shift >= 0; shift--) this.bit((value >>> shift) & 1);
  }

  /** ue(v): unsigned Exp-Golomb. */
  ue(value: number): void {
    const code = value + 1;
    const length = Math.floor(Math.log2(code));
    this.u(length, 0);
    this.u(length + 1, code);
  }

  /** se(v): signed Exp-Golomb. */
  se(value: number): void {
    this.ue(value > 0 ? 2 * value - 1 : -2 * value);
  }

  /** Zero bits up to the next byte boundary. */
  alignWithZeros(): void {
    while (this.#used !== 0) this.bit(0);
  }

  /** Whole bytes; the writer must be byte-aligned. */
  bytes(values: Uint8Array): void {
    if (this.#used !== 0) throw new Error('BitWriter.bytes needs a byte-aligned position.');
    for (const value of values) this.#bytes.push(value);
  }

  /** rbsp_trailing_bits: a stop bit, then zero bits to the byte boundary. */
  trailingBits(): Uint8Array {
    this.bit(1);
    this.alignWithZeros();
    return Uint8Array.from(this.#bytes);
  }
}

/** Wraps an RBSP in a NAL unit, inserting emulation-prevention bytes (00 00 0x → 00 00 03 0x). */
function nalUnit(refIdc: number, type: number, rbsp: Uint8Array): Uint8Array {
  const out: number[] = [(refIdc << 5) | type];
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
}

const PROFILE_BASELINE = 66;
/** constraint_set0_flag and constraint_set1_flag: decodable by Baseline and Main decoders. */
const CONSTRAINT_FLAGS = 0xc0;
const LOG2_MAX_FRAME_NUM = 4;
const MB_TYPE_I_PCM = 25;
const SLICE_TYPE_P_ALL = 5;
const SLICE_TYPE_I_ALL = 7;

/** A solid-colour stream's parameter sets and frame builders. */
export interface H264Stream {
  readonly sps: Uint8Array;
  readonly pps: Uint8Array;
  /** The IDR picture (I_PCM macroblocks). */
  readonly idr: Uint8Array;
  /** The `index`-th (1-based) following P picture, every macroblock skipped. */
  skipFrame(index: number): Uint8Array;
}

/** Colour as Y'CbCr samples. */
export type YCbCr = readonly [number, number, number];

function levelFor(macroblocks: number): number {
  if (macroblocks <= 99) return 10;
  if (macroblocks <= 1_620) return 30;
  return 40;
}

/** Builds a solid-colour H.264 stream of `width` x `height` (multiples of 16). */
export function createH264Stream(width: number, height: number, colour: YCbCr): H264Stream {
  const mbWidth = width / 16;
  const mbHeight = height / 16;
  const macroblocks = mbWidth * mbHeight;

  const sps = new BitWriter();
  sps.u(8, PROFILE_BASELINE);
  sps.u(8, CONSTRAINT_FLAGS);
  sps.u(8, levelFor(macroblocks));
  sps.ue(0); // seq_parameter_set_id
  sps.ue(LOG2_MAX_FRAME_NUM - 4);
  sps.ue(2); // pic_order_cnt_type 2: output order = decoding order
  sps.ue(1); // max_num_ref_frames
  sps.u(1, 0); // gaps_in_frame_num_value_allowed_flag
  sps.ue(mbWidth - 1);
  sps.ue(mbHeight - 1);
  sps.u(1, 1); // frame_mbs_only_flag
  sps.u(1, 1); // direct_8x8_inference_flag
  sps.u(1, 0); // frame_cropping_flag
  sps.u(1, 0); // vui_parameters_present_flag

  const pps = new BitWriter();
  pps.ue(0); // pic_parameter_set_id
  pps.ue(0); // seq_parameter_set_id
  pps.u(1, 0); // entropy_coding_mode_flag: CAVLC
  pps.u(1, 0); // bottom_field_pic_order_in_frame_present_flag
  pps.ue(0); // num_slice_groups_minus1
  pps.ue(0); // num_ref_idx_l0_default_active_minus1
  pps.ue(0); // num_ref_idx_l1_default_active_minus1
  pps.u(1, 0); // weighted_pred_flag
  pps.u(2, 0); // weighted_bipred_idc
  pps.se(0); // pic_init_qp_minus26
  pps.se(0); // pic_init_qs_minus26
  pps.se(0); // chroma_qp_index_offset
  pps.u(1, 0); // deblocking_filter_control_present_flag
  pps.u(1, 0); // constrained_intra_pred_flag
  pps.u(1, 0); // redundant_pic_cnt_present_flag

  const [y, cb, cr] = colour;
  const samples = new Uint8Array(256 + 64 + 64);
  samples.fill(y, 0, 256);
  samples.fill(cb, 256, 320);
  samples.fill(cr, 320, 384);
  const idr = new BitWriter();
  idr.ue(0); // first_mb_in_slice
  idr.ue(SLICE_TYPE_I_ALL);
  idr.ue(0); // pic_parameter_set_id
  idr.u(LOG2_MAX_FRAME_NUM, 0); // frame_num
  idr.ue(0); // idr_pic_id
  idr.u(1, 0); // no_output_of_prior_pics_flag
  idr.u(1, 0); // long_term_reference_flag
  idr.se(0); // slice_qp_delta
  for (let mb = 0; mb < macroblocks; mb++) {
    idr.ue(MB_TYPE_I_PCM);
    idr.alignWithZeros(); // pcm_alignment_zero_bit
    idr.bytes(samples);
  }

  return {
    sps: nalUnit(3, 7, sps.trailingBits()),
    pps: nalUnit(3, 8, pps.trailingBits()),
    idr: nalUnit(3, 5, idr.trailingBits()),
    skipFrame(index: number): Uint8Array {
      const slice = new BitWriter();
      slice.ue(0); // first_mb_in_slice
      slice.ue(SLICE_TYPE_P_ALL);
      slice.ue(0); // pic_parameter_set_id
      slice.u(LOG2_MAX_FRAME_NUM, index % (1 << LOG2_MAX_FRAME_NUM)); // frame_num
      slice.u(1, 0); // num_ref_idx_active_override_flag
      slice.u(1, 0); // ref_pic_list_modification_flag_l0
      slice.u(1, 0); // adaptive_ref_pic_marking_mode_flag: sliding window
      slice.se(0); // slice_qp_delta
      slice.ue(macroblocks); // mb_skip_run: the whole picture
      // Reference pictures: pic_order_cnt_type 2 forbids consecutive non-reference frames.
      return nalUnit(2, 1, slice.trailingBits());
    },
  };
}
