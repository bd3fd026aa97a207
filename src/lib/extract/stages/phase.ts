import type { Phase } from '../../../schemas/vocabulary';
import { PHASE_WORDS } from '../lexicon';

/**
 * The budget phase that words name (调整后 / 全年预算 → adjusted; 年初预算 / 预算数 → budget; 决算 / 执行数 / 实际 →
 * actual), or null when they name none. White space is ignored: conversion and the pinyin mirror sites insert
 * ("预(yù)算", blanked in the scan copy to "预    算") split words.
 */
export function phaseFrom(text: string): Phase | null {
  const words = text.replace(/\s+/g, '');
  for (const [re, phase] of PHASE_WORDS) if (re.test(words)) return phase;
  return null;
}
