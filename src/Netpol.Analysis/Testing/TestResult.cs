using Netpol.Analysis.Check;
using Netpol.Manifests.Specs;

namespace Netpol.Analysis.Testing;

/// <summary>
/// The outcome of one test: the pairs its endpoints resolved to, each explained as <c>netpol check</c> explains it.
/// <c>expect: allow</c> passes when every pair is allowed, <c>expect: deny</c> when every pair is denied.
/// </summary>
public sealed record TestResult(TestSpec Spec, CheckResult Check)
{
    /// <summary>True when every pair meets the expectation.</summary>
    public bool Passed => Offending.Count == 0;

    /// <summary>
    /// The verdict that answers the expectation: the expected one when the test passes, the other one when it
    /// fails (<c>expected allow, got deny</c> when at least one pair is denied).
    /// </summary>
    public TestExpectation Actual => Passed ? Spec.Expect : Spec.Expect == TestExpectation.Allow ? TestExpectation.Deny : TestExpectation.Allow;

    /// <summary>How many pairs are allowed.</summary>
    public int AllowedPairs => Check.Cases.Count(c => c.Explanation.Allowed);

    /// <summary>How many pairs are denied.</summary>
    public int DeniedPairs => Check.Cases.Count - AllowedPairs;

    /// <summary>The pairs whose verdict contradicts the expectation, in order.</summary>
    public IReadOnlyList<CheckCase> Offending =>
        Check.Cases.Where(c => c.Explanation.Allowed != (Spec.Expect == TestExpectation.Allow)).ToList();
}
