import { type AbiEvent, type AbiParameter, checksumAddress, type Hex } from "viem";
import type { DecodedArgs } from "../store/log-store.js";

/** Decodes one log of a known event; throws when topics or data do not fit. */
export type StaticEventDecoder = (topics: readonly Hex[], data: Hex) => DecodedArgs;

type WordDecoder = (word: string) => unknown;

const TWO_POW_255 = 2n ** 255n;
const TWO_POW_256 = 2n ** 256n;

/** Decodes a static parameter from consecutive 32-byte words of hex text, starting at a word. */
interface StaticParamDecoder {
  /** Number of 32-byte words the parameter occupies. */
  readonly words: number;
  /** Decodes the parameter whose first word is `word` (index) of `hex` (no `0x`). */
  readonly decode: (hex: string, word: number) => unknown;
}

/**
 * Compiles a decoder for an event whose parameters are all static: elementary types (`uintN`,
 * `intN`, `address`, `bool`, `bytesN`) and tuples of static types (not indexed), which covers the
 * exchange's events. It reads 32-byte words straight from the hex text instead of going through
 * viem's general byte cursor, several times faster, and returns exactly what viem's strict
 * `decodeEventLog` returns (numbers up to 48 bits as `number`, checksummed addresses, lowercase
 * bytes, tuples as objects when every component is named, arrays otherwise). Returns `null` for any
 * other event, which then goes through viem.
 */
export function compileStaticEventDecoder(event: AbiEvent): StaticEventDecoder | null {
  const indexed: [AbiParameter, WordDecoder, number][] = [];
  const nonIndexed: [AbiParameter, StaticParamDecoder, number, number][] = [];
  let dataWords = 0;
  for (const [position, input] of event.inputs.entries()) {
    if (input.indexed) {
      const decodeWord = wordDecoderFor(input.type);
      if (decodeWord === null) return null;
      indexed.push([input, decodeWord, position]);
      continue;
    }
    const decoder = staticParamDecoder(input);
    if (decoder === null) return null;
    nonIndexed.push([input, decoder, position, dataWords]);
    dataWords += decoder.words;
  }
  const positional = event.inputs.some((input) => !input.name);
  const minimumDataLength = 2 + 64 * dataWords;

  return (topics, data) => {
    if (topics.length < indexed.length + 1) {
      throw new Error(`${event.name}: expected ${indexed.length + 1} topics, got ${topics.length}`);
    }
    if (nonIndexed.length > 0 && data.length < minimumDataLength) {
      throw new Error(`${event.name}: data too short (${(data.length - 2) / 2} bytes)`);
    }
    const args: Record<string, unknown> | unknown[] = positional ? [] : {};
    const put = (input: AbiParameter, position: number, value: unknown): void => {
      if (Array.isArray(args)) args[position] = value;
      else args[input.name ?? String(position)] = value;
    };
    for (const [i, [input, decodeWord, position]] of indexed.entries()) {
      put(input, position, decodeWord((topics[i + 1] as Hex).slice(2)));
    }
    const hex = data.slice(2);
    for (const [input, decoder, position, word] of nonIndexed)
      put(input, position, decoder.decode(hex, word));
    return args;
  };
}

function staticParamDecoder(parameter: AbiParameter): StaticParamDecoder | null {
  if (parameter.type === "tuple") {
    const components = (parameter as AbiParameter & { components?: readonly AbiParameter[] }).components;
    if (components === undefined || components.length === 0) return null;
    const parts: [string, StaticParamDecoder, number][] = [];
    let words = 0;
    for (const component of components) {
      const decoder = staticParamDecoder(component);
      if (decoder === null) return null;
      parts.push([component.name ?? "", decoder, words]);
      words += decoder.words;
    }
    const asArray = components.some((component) => !component.name);
    return {
      words,
      decode(hex, word) {
        if (asArray) return parts.map(([, decoder, offset]) => decoder.decode(hex, word + offset));
        const value: Record<string, unknown> = {};
        for (const [name, decoder, offset] of parts) value[name] = decoder.decode(hex, word + offset);
        return value;
      },
    };
  }
  const decodeWord = wordDecoderFor(parameter.type);
  if (decodeWord === null) return null;
  return { words: 1, decode: (hex, word) => decodeWord(hex.slice(64 * word, 64 * word + 64)) };
}

function wordDecoderFor(type: string): WordDecoder | null {
  if (type === "address") return (word) => checksumAddress(`0x${word.slice(24)}`);
  if (type === "bool") {
    return (word) => {
      const value = BigInt(`0x${word}`);
      if (value > 1n) throw new Error(`not a bool: 0x${word}`);
      return value === 1n;
    };
  }
  const integer = /^(u?)int(\d*)$/.exec(type);
  if (integer !== null) {
    const signed = integer[1] === "";
    const bits = Number(integer[2] || "256");
    return (word) => {
      let value = BigInt(`0x${word}`);
      if (signed && value >= TWO_POW_255) value -= TWO_POW_256;
      return bits > 48 ? value : Number(value);
    };
  }
  const fixedBytes = /^bytes(\d+)$/.exec(type);
  if (fixedBytes !== null) {
    const hexLength = 2 * Number(fixedBytes[1]);
    return (word) => `0x${word.slice(0, hexLength).toLowerCase()}`;
  }
  return null;
}
