import { periodSpans } from '../../../../src/store/figures/spans';

describe('periodSpans', () => {
  it('reads whole months from month rows and the days around them from day rows', () => {
    expect(periodSpans('2025-07-01', '2025-11-12')).toEqual([
      { span: 'month', from: '2025-07-01', until: '2025-11-01' },
      { span: 'day', from: '2025-11-01', until: '2025-11-13' },
    ]);
    expect(periodSpans('2025-01-15', '2025-12-31')).toEqual([
      { span: 'month', from: '2025-02-01', until: '2026-01-01' },
      { span: 'day', from: '2025-01-15', until: '2025-02-01' },
    ]);
  });

  it('reads a period inside one month, or grouped by day, from day rows only', () => {
    expect(periodSpans('2025-03-02', '2025-03-30')).toEqual([
      { span: 'day', from: '2025-03-02', until: '2025-03-31' },
    ]);
    expect(periodSpans('2025-01-01', '2025-12-31', true)).toEqual([
      { span: 'day', from: '2025-01-01', until: '2026-01-01' },
    ]);
  });

  it('reads an open-ended period as months up to the days at its edge', () => {
    expect(periodSpans(undefined, '2024-02-29')).toEqual([
      { span: 'month', from: undefined, until: '2024-03-01' },
    ]);
    expect(periodSpans('2024-02-10', undefined)).toEqual([
      { span: 'month', from: '2024-03-01', until: undefined },
      { span: 'day', from: '2024-02-10', until: '2024-03-01' },
    ]);
    expect(periodSpans()).toEqual([{ span: 'month', from: undefined, until: undefined }]);
  });
});
