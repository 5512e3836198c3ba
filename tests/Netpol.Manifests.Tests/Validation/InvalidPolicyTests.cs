using Netpol.Core.Diagnostics;
using Netpol.Manifests.Loading;

namespace Netpol.Manifests.Tests.Validation;

/// <summary>
/// One small NetworkPolicy manifest per rule of docs/validation.md: an invalid one must be rejected with exactly the
/// lines the API server would print (prefixed with <c>p.yaml:LINE:COL: NetworkPolicy ns/name: </c>), a valid edge
/// case must load without a word. The rows are in <c>InvalidPolicyTests.Cases.cs</c>.
/// </summary>
public partial class InvalidPolicyTests
{
    private const string FileName = "p.yaml";

    /// <summary>An invalid manifest and every error line it must produce, in the API server's order.</summary>
    public sealed record InvalidCase(string Name, string Yaml, params string[] Lines)
    {
        public override string ToString() => Name;
    }

    /// <summary>A manifest the API server accepts.</summary>
    public sealed record ValidCase(string Name, string Yaml)
    {
        public override string ToString() => Name;
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    [MemberData(nameof(RejectedWithUnsupportedProtocol))]
    [MemberData(nameof(RejectedWithUnsupportedPolicyType))]
    [MemberData(nameof(RejectedForValuesOfExists), Skip = Bugs.RequirementOrder)]
    [MemberData(nameof(RejectedForMissingKey), Skip = Bugs.MissingKey)]
    [MemberData(nameof(RejectedForUnknownMetadataField))]
    public void An_invalid_policy_is_rejected_with_the_API_servers_exact_lines(InvalidCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var result = ManifestLoader.LoadText(row.Yaml, FileName);

        Assert.True(result.HasErrors);
        Assert.Equal(row.Lines, ErrorLines(result));
    }

    /// <summary>
    /// netpol prints `path: detail` (the format), without the API server's "Invalid value: X: " part:
    /// each error is at the expected line, column, object and field, and its message is how the API server's line ends.
    /// </summary>
    [Theory]
    [MemberData(nameof(Rejected))]
    [MemberData(nameof(RejectedWithoutErrorTypeAndValue))]
    [MemberData(nameof(RejectedWithInvalidOperator))]
    [MemberData(nameof(RejectedForTooManyPolicyTypes))]
    [MemberData(nameof(RejectedForAnnotationKey))]
    [MemberData(nameof(RejectedForExceptOutsideAnUnusualCidr))]
    public void An_invalid_policy_is_reported_at_the_offending_field_with_the_API_servers_detail(InvalidCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var result = ManifestLoader.LoadText(row.Yaml, FileName);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();

        Assert.True(result.HasErrors);
        Assert.Equal(row.Lines.Length, errors.Count);
        for (var i = 0; i < errors.Count; i++)
        {
            var where = string.Join(": ", new[] { errors[i].Location?.ToString(), errors[i].ObjectRef, errors[i].FieldPath }.OfType<string>());
            Assert.StartsWith(where + ": ", row.Lines[i], StringComparison.Ordinal);
            Assert.EndsWith(": " + errors[i].Message, row.Lines[i], StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_valid_edge_case_loads_without_any_diagnostic(ValidCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var result = ManifestLoader.LoadText(row.Yaml, FileName);

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.Single(result.Cluster.Policies);
    }

    [Fact]
    public void An_invalid_policy_is_left_out_of_the_cluster()
    {
        var result = ManifestLoader.LoadText(
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: p
              namespace: ns
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: 0
            """,
            FileName);

        Assert.True(result.HasErrors);
        Assert.Empty(result.Cluster.Policies);
    }

    private static string[] ErrorLines(LoadResult result) =>
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToArray();

    /// <summary>The decoder bugs these rows show; each row's lines are the correct (API server) behaviour.</summary>
    private static class Bugs
    {






        public const string RequirementOrder =
            "bug: SelectorDecoder.DecodeRequirement reports values[i] before the operator/values and key errors; the API server reports operator/values, key, then values[i].";

        public const string MissingKey =
            "bug: a matchExpressions entry without key gets only `name part must be non-empty`; the API server validates \"\" and also prints the name-part format message.";


    }
}
