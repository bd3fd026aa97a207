import { describe, expect, it } from 'vitest';
import { relativeHref, routes } from './paths';

describe('relativeHref', () => {
  it.each([
    ['/', routes.home, 'index.html'],
    ['/', routes.report('x'), 'reports/x.html'],
    ['/', routes.figuresCsv, 'data/figures.csv'],
    ['/index.html', routes.sangong, 'compare/sangong.html'],
    ['/index.html', routes.units, 'units.html'],
    ['/units.html', routes.unit('lukou-ybj'), 'units/lukou-ybj.html'],
    ['/reports/x.html', routes.home, '../index.html'],
    ['/reports/x.html', routes.report('y'), '../reports/y.html'],
    ['/reports/x.html', routes.figuresJson, '../data/figures.json'],
    ['/reports/x', routes.unit('lukou-ybj'), '../units/lukou-ybj.html'],
    ['/compare/sangong', routes.execution, '../compare/execution.html'],
    ['/compare/sangong', routes.home, '../index.html'],
    ['/compare/sangong.html', routes.search, '../search.html'],
    ['/compare/sangong/', routes.home, '../../index.html'], // a directory page sits one level deeper
    ['//reports/x.html', routes.data, '../data.html'],
    ['reports/x.html', routes.data, '../data.html'],
  ])('from %j to %j → %j', (from, target, expected) => {
    expect(relativeHref(from, target)).toBe(expected);
  });

  it('never produces an absolute URL', () => {
    for (const from of ['/', '/index.html', '/reports/x.html', '/compare/sangong']) {
      for (const target of [routes.home, routes.data, routes.report('a'), routes.unit('b')]) {
        expect(relativeHref(from, target)).not.toMatch(/^\//);
      }
    }
  });
});

describe('routes', () => {
  it.each([
    [routes.unit('lukou-ybj'), 'units/lukou-ybj.html'],
    [routes.report('yanling-ybj-2020-dept-self-eval'), 'reports/yanling-ybj-2020-dept-self-eval.html'],
  ])('%j', (route, expected) => {
    expect(route).toBe(expected);
  });
});
