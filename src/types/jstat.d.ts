// The one part of jStat orgsim uses (the package ships no types of its own).
declare module 'jstat' {
  const jstat: {
    readonly jStat: {
      readonly studentt: {
        /** The quantile of Student's t distribution with `dof` degrees of freedom. */
        inv(p: number, dof: number): number;
      };
    };
  };
  export default jstat;
}
