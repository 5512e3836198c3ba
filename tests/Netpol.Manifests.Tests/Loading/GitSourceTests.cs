using Netpol.Analysis.Diff;
using Netpol.Core.Diagnostics;
using Netpol.Manifests.Loading;

namespace Netpol.Manifests.Tests.Loading;

/// <summary>
/// <c>git:REV:PATH</c> sources: manifests as they were at a revision of a real (temporary) repository, with
/// diagnostics that name <c>git:REV:PATH</c> files, and errors that say what to do. Table rows are in
/// <c>GitSourceTests.Cases.cs</c>.
/// </summary>
public sealed partial class GitSourceTests : IDisposable
{
    private const string Namespace = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        """;

    private const string Workloads = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
          labels: {app: web}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: shop
          labels: {app: api}
        """;

    private readonly TempGitRepository _repo = new();

    public GitSourceTests()
    {
        _repo.Write("deploy/app.yaml", Policy(80)).Write("deploy/ns/namespace.yml", Namespace).Write("deploy/pods.json.txt", "not a manifest")
            .Write("workloads.yaml", Workloads).Commit("first");
        _repo.Write("deploy/app.yaml", Policy(8080)).Write("deploy/extra.yaml", Policy(9090, "extra")).Commit("second");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_file_loads_as_it_was_at_each_revision()
    {
        // When
        var before = Load("git:HEAD~1:deploy/app.yaml");
        var after = Load("git:HEAD:deploy/app.yaml");

        // Then
        Assert.Empty(before.Diagnostics);
        Assert.Equal(80, before.Cluster.Policies.Single().Ingress[0].Ports[0].Port);
        Assert.Equal(8080, after.Cluster.Policies.Single().Ingress[0].Ports[0].Port);
        Assert.Equal("git:HEAD~1:deploy/app.yaml", before.Cluster.Policies.Single().Source!.File);
    }

    [Fact]
    public void A_directory_loads_every_manifest_below_it_at_that_revision()
    {
        // When
        var result = Load("git:HEAD~1:deploy/");

        // Then
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["shop/web-ingress"], result.Cluster.Policies.Select(p => p.FullName));
        Assert.Contains(result.Cluster.Namespaces, n => n.Name == "shop" && !n.IsImplicit);
        Assert.Equal(["shop/extra", "shop/web-ingress"], Load("git:HEAD:deploy").Cluster.Policies.Select(p => p.FullName));
        Assert.Equal(
            ["git:HEAD:deploy/app.yaml", "git:HEAD:deploy/extra.yaml"],
            Load("git:HEAD:deploy").Cluster.Policies.Select(p => p.Source!.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Revisions_can_be_commit_ids_and_the_path_can_be_the_whole_repository()
    {
        // Given
        var first = _repo.Git("rev-parse", "HEAD~1").Trim();

        // When
        var result = Load($"git:{first}:.");

        // Then
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["shop/api", "shop/web"], result.Cluster.Pods.Select(p => p.FullName));
    }

    [Fact]
    public void Paths_start_at_the_working_directory_like_plain_paths()
    {
        // When
        var inside = Load("git:HEAD:app.yaml", "deploy");
        var up = Load("git:HEAD:../../workloads.yaml", "deploy/ns");
        var absolute = Load($"git:HEAD:{Path.Combine(_repo.Root, "deploy", "app.yaml")}", "deploy");

        // Then
        Assert.Equal("git:HEAD:app.yaml", inside.Cluster.Policies.Single().Source!.File);
        Assert.DoesNotContain(up.Diagnostics, d => d.Severity == Severity.Error);
        Assert.NotEmpty(up.Cluster.Pods);
        Assert.Single(absolute.Cluster.Policies);
    }

    [Fact]
    public void Diagnostics_point_at_the_line_and_column_of_the_file_at_that_revision()
    {
        // Given
        _repo.Write("deploy/app.yaml", Policy(8080).Replace("port: 8080", "port: 8080\n          endPort: 80", StringComparison.Ordinal)).Commit("broken");

        // When
        var result = Load("git:HEAD:deploy/app.yaml");

        // Then
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("git:HEAD:deploy/app.yaml:14:20: NetworkPolicy shop/web-ingress: spec.ingress[0].ports[0].endPort: must be greater than or equal to `port`", error.ToString());
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void An_unreadable_git_source_is_an_error_that_says_what_to_do(GitErrorCase row)
    {
        // Given
        var outside = row.Directory is null ? Directory.CreateTempSubdirectory("netpol-nogit-").FullName : null;
        try
        {
            // When
            var result = ManifestLoader.Load([row.Source], new LoadOptions { GitDirectory = outside ?? Path.Combine(_repo.Root, row.Directory!) });

            // Then
            var error = Assert.Single(result.Diagnostics);
            Assert.Equal(Severity.Error, error.Severity);
            Assert.Equal("git", error.Code);
            Assert.Contains(row.Message, error.Message, StringComparison.Ordinal);
            Assert.Empty(result.Cluster.Policies);
        }
        finally
        {
            if (outside is not null)
            {
                Directory.Delete(outside);
            }
        }
    }

    [Fact]
    public void Every_bad_source_of_a_run_is_reported_and_the_good_ones_still_load()
    {
        // When
        var result = Load(["git:nope:deploy/app.yaml", "git:HEAD:missing.yaml", "git:HEAD:deploy/app.yaml", "no-such-file.yaml"]);

        // Then
        Assert.Equal(["git", "git", "no-such-file"], result.Diagnostics.Select(d => d.Code));
        Assert.Single(result.Cluster.Policies);
    }

    [Fact]
    public void Two_revisions_of_a_path_can_be_diffed()
    {
        // When
        var before = Load(["git:HEAD~1:deploy/", "git:HEAD~1:workloads.yaml"]);
        var after = Load(["git:HEAD:deploy/", "git:HEAD:workloads.yaml"]);
        var diff = DiffAnalysis.Run(before.Cluster, after.Cluster, new DiffOptions());

        // Then
        Assert.Equal(["shop/api -> shop/web 80/TCP"], diff.Lost.Select(c => $"{c.From} -> {c.To} {c.Ports}"));
        Assert.Equal(["shop/api -> shop/web 8080/TCP, 9090/TCP"], diff.Gained.Select(c => $"{c.From} -> {c.To} {c.Ports}"));
        Assert.Equal(["shop/extra"], diff.Policies.Added);
        Assert.Equal(["spec.ingress"], diff.Policies.Modified.Single().Fields);
    }

    private static string Policy(int port, string name = "web-ingress") => $"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: {name}
          namespace: shop
        spec:
          podSelector:
            matchLabels: {"{"}app: web{"}"}
          ingress:
            - from:
                - podSelector: {"{"}{"}"}
              ports:
                - port: {port}
        """;

    private LoadResult Load(string source, string directory = ".") => Load([source], directory);

    private LoadResult Load(string[] sources, string directory = ".") =>
        ManifestLoader.Load(sources, new LoadOptions { GitDirectory = Path.GetFullPath(Path.Combine(_repo.Root, directory)) });
}
