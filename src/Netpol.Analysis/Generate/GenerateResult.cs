namespace Netpol.Analysis.Generate;

/// <summary>The proposed policies, the observed connections as test expectations, and notes on what was left out.</summary>
public sealed record GenerateResult(IReadOnlyList<GeneratedPolicy> Policies, IReadOnlyList<GeneratedTest> Tests, IReadOnlyList<string> Notes);
