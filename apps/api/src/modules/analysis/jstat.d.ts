/** jstat ships no types: the few distributions the analysis module uses. */
declare module 'jstat' {
  interface Distribution {
    cdf(x: number, ...params: number[]): number;
    inv(p: number, ...params: number[]): number;
  }
  const jstat: {
    jStat: {
      studentt: Distribution;
      normal: Distribution;
      centralF: Distribution;
    };
  };
  export default jstat;
}
