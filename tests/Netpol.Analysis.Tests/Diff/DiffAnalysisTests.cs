using Netpol.Analysis.Diff;
using Netpol.Analysis.Matrix;
using Netpol.Core;
using Netpol.Core.Model;
using Netpol.Manifests.Loading;

namespace Netpol.Analysis.Tests.Diff;

public partial class DiffAnalysisTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void A_change_reports_its_connections_policies_and_endpoints(DiffCase row)
    {
        // Given
        var before = TestClusters.FromYaml(string.Join("\n---\n", row.Base));
        var after = TestClusters.FromYaml(string.Join("\n---\n", row.Head));
        var options = new DiffOptions { By = row.By, Namespaces = row.Namespaces ?? [] };

        // When
        var result = DiffAnalysis.Run(before, after, options);

        // Then
        Assert.Equal(row.Lost, DiffOracle.Lines(result.Lost));
        Assert.Equal(row.Gained, DiffOracle.Lines(result.Gained));
        Assert.Equal(row.Policies, PolicyLines(result.Policies));
        Assert.Equal(row.Endpoints ?? [], result.Endpoints.Added.Select(e => $"added {e}").Concat(result.Endpoints.Removed.Select(e => $"removed {e}")));
        var (gained, lost) = DiffOracle.Expected(before, after, options);
        Assert.Equal(lost, DiffOracle.Lines(result.Lost));
        Assert.Equal(gained, DiffOracle.Lines(result.Gained));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Removing_any_one_policy_of_an_example_gives_the_same_diff_as_the_reference_matrix(string example)
    {
        // Given
        var before = Example(example);
        foreach (var removed in before.Policies)
        {
            var after = new Cluster(before.Namespaces, before.Pods, before.Policies.Where(p => !ReferenceEquals(p, removed)), before.Services, before.ClusterPolicies, before.Nodes);
            foreach (var by in new[] { Grouping.Workload, Grouping.Pod })
            {
                var options = new DiffOptions { By = by };

                // When
                var result = DiffAnalysis.Run(before, after, options);
                var back = DiffAnalysis.Run(after, before, options);

                // Then
                var (gained, lost) = DiffOracle.Expected(before, after, options);
                Assert.Equal(gained, DiffOracle.Lines(result.Gained));
                Assert.Equal(lost, DiffOracle.Lines(result.Lost));
                Assert.Equal(DiffOracle.Lines(result.Gained), DiffOracle.Lines(back.Lost));
                Assert.Equal([removed.FullName], result.Policies.Removed);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_cluster_compared_with_itself_has_no_change(string example)
    {
        // Given
        var cluster = Example(example);

        // When
        var result = DiffAnalysis.Run(cluster, Example(example), new DiffOptions());

        // Then
        Assert.Empty(result.Gained);
        Assert.Empty(result.Lost);
        Assert.Equal(0, result.Policies.Count);
        Assert.Empty(result.Endpoints.Added);
        Assert.Empty(result.Endpoints.Removed);
    }

    [Fact]
    public void A_namespace_on_neither_side_is_a_user_error()
    {
        // Given
        var cluster = Example("three-tier-app");

        // When
        var error = Assert.Throws<NetpolException>(() => DiffAnalysis.Run(cluster, cluster, new DiffOptions { Namespaces = ["nope"] }));

        // Then
        Assert.Contains("no namespace \"nope\" on either side", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Examples() => new(ExampleCatalog.Names);

    private static Cluster Example(string name) => TestClusters.FromYaml(ExampleCatalog.Read(name)!);

    private static IEnumerable<string> PolicyLines(PolicyChanges p) =>
        p.Added.Select(n => $"added {n}")
            .Concat(p.Removed.Select(n => $"removed {n}"))
            .Concat(p.Modified.Select(m => $"modified {m.Name}: {string.Join(", ", m.Fields)}"));
}
