using System.Net;
using System.Text;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Manifests.Loading;

namespace Netpol.Manifests.Tests.Loading;

/// <summary>
/// How manifests get in: YAML streams, Lists, JSON, directories, standard input and the bundled examples; what the
/// cluster is built from them; and that every problem of a run is reported. Table rows are in <c>LoaderTests.Cases.cs</c>.
/// </summary>
public partial class LoaderTests
{
    // ------------------------------------------------------------ YAML streams and lists

    [Fact]
    public void A_yaml_stream_skips_empty_and_comment_only_documents()
    {
        var result = ManifestLoader.LoadText(
            """
            # a file that starts with a comment
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            ---
            # only a comment here
            ---
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: deny
              namespace: shop
            spec:
              podSelector: {}
            ---
            """,
            "p.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["shop"], result.Cluster.Namespaces.Select(n => n.Name));
        Assert.Equal(["shop/web"], result.Cluster.Pods.Select(p => p.FullName));
        Assert.Equal(["shop/deny"], result.Cluster.Policies.Select(p => p.FullName));
    }

    [Fact]
    public void Objects_keep_the_position_of_their_own_document()
    {
        var result = ManifestLoader.LoadText(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: shop}
            ---

            # the next object starts on line 7
            apiVersion: v1
            kind: Pod
            metadata: {name: b, namespace: shop}
            """,
            "p.yaml");

        Assert.Equal(["p.yaml:1:1", "p.yaml:7:1"], result.Cluster.Pods.Select(p => p.Source!.ToString()));
    }

    [Fact]
    public void A_List_and_the_typed_lists_are_expanded_into_their_items()
    {
        var result = ManifestLoader.LoadText(
            """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Namespace
              metadata:
                name: shop
            - apiVersion: v1
              kind: PodList
              items:
              - apiVersion: v1
                kind: Pod
                metadata: {name: a, namespace: shop}
            ---
            apiVersion: v1
            kind: PodList
            items:
            - apiVersion: v1
              kind: Pod
              metadata: {name: b, namespace: shop}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicyList
            metadata: {resourceVersion: "1"}
            items:
            - apiVersion: networking.k8s.io/v1
              kind: NetworkPolicy
              metadata: {name: one, namespace: shop}
              spec: {podSelector: {}}
            - apiVersion: networking.k8s.io/v1
              kind: NetworkPolicy
              metadata: {name: two, namespace: shop}
              spec: {podSelector: {}}
            """,
            "p.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["shop"], result.Cluster.Namespaces.Select(n => n.Name));
        Assert.False(result.Cluster.Namespaces[0].IsImplicit);
        Assert.Equal(["shop/a", "shop/b"], result.Cluster.Pods.Select(p => p.FullName));
        Assert.Equal(["shop/one", "shop/two"], result.Cluster.Policies.Select(p => p.FullName));
    }

    [Fact]
    public void An_error_inside_a_list_is_reported_at_the_item()
    {
        var result = ManifestLoader.LoadText(
            """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: networking.k8s.io/v1
              kind: NetworkPolicy
              metadata: {name: p, namespace: shop}
              spec:
                podSelector: {}
                ingress:
                - form: []
            """,
            "p.yaml");

        Assert.Equal(
            ["p.yaml:10:7: NetworkPolicy shop/p: spec.ingress[0].form: unknown field \"form\""],
            ErrorLines(result));
    }

    // ------------------------------------------------------------ JSON

    [Fact]
    public void A_kubectl_json_list_loads_with_positions()
    {
        var result = ManifestLoader.LoadText(KubectlJsonList, "get.json");

        Assert.Equal(["shop/web"], result.Cluster.Pods.Select(p => p.FullName));
        Assert.Equal("get.json:4:9", result.Cluster.Pods[0].Source!.ToString());
        Assert.Equal([IPAddress.Parse("10.0.0.5")], result.Cluster.Pods[0].IPs);
        Assert.Equal([new ContainerPort("http", 8080, Protocol.TCP)], result.Cluster.Pods[0].Ports);
        Assert.Equal(
            ["get.json:31:49: NetworkPolicy shop/deny: spec.ingress[0].ports[0].port: must be between 1 and 65535, inclusive"],
            ErrorLines(result));
    }

    [Fact]
    public void A_json_file_on_disk_is_read_as_json()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("get.json", KubectlJsonList);

        var result = ManifestLoader.Load([path]);

        Assert.Equal(["shop/web"], result.Cluster.Pods.Select(p => p.FullName));
        Assert.Equal($"{path}:4:9", result.Cluster.Pods[0].Source!.ToString());
        Assert.Single(ErrorLines(result), l => l.StartsWith($"{path}:31:49: NetworkPolicy shop/deny: ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_json_array_of_objects_loads_every_object()
    {
        var result = ManifestLoader.LoadText(
            """
            [
              {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a", "namespace": "shop"}},
              {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b", "namespace": "shop"}}
            ]
            """,
            "pods.json");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["pods.json:2:3", "pods.json:3:3"], result.Cluster.Pods.Select(p => p.Source!.ToString()));
    }

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void A_malformed_file_gives_one_syntax_error_with_its_position(SyntaxCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var result = ManifestLoader.LoadText(row.Text, row.FileName);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("syntax", error.Code);
        Assert.Equal(new SourceLocation(row.FileName, row.Line, row.Column), error.Location);
        Assert.Contains(row.MessagePart, error.Message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------ sources: directories, stdin, examples

    [Fact]
    public void A_directory_is_loaded_recursively_in_sorted_order_reading_only_yaml_yml_and_json()
    {
        using var dir = new TempDirectory();
        dir.Write("b.yaml", ConfigMap("from-b-yaml"));
        dir.Write("a/c.yml", ConfigMap("from-a-c-yml"));
        dir.Write("a.json", """{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "from-a-json"}}""");
        dir.Write("a/deeper/d.YAML", ConfigMap("from-a-deeper-d-yaml"));
        dir.Write("notes.txt", "this: [is not read");
        dir.Write("README.md", "# not read either: {");

        var result = ManifestLoader.Load([dir.Path]);

        Assert.False(result.HasErrors);
        Assert.Equal(
            [$"{dir.Path}/a.json", $"{dir.Path}/a/c.yml", $"{dir.Path}/a/deeper/d.YAML", $"{dir.Path}/b.yaml"],
            result.Diagnostics.Select(d => d.Location!.File));
    }

    [Fact]
    public void A_directory_without_manifests_gives_a_warning()
    {
        using var dir = new TempDirectory();
        dir.Write("notes.txt", "nothing here");

        var result = ManifestLoader.Load([dir.Path]);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal($"{dir.Path}: no .yaml, .yml or .json files in this directory", warning.Message);
    }

    [Fact]
    public void A_missing_file_is_an_error()
    {
        using var dir = new TempDirectory();
        var missing = System.IO.Path.Combine(dir.Path, "nope.yaml");

        var result = ManifestLoader.Load([missing]);

        Assert.Equal([$"{missing}: no such file or directory"], ErrorLines(result));
    }

    [Fact]
    public void A_dash_reads_yaml_from_the_given_stdin()
    {
        var options = new LoadOptions { Stdin = () => Utf8("apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\n") };

        var result = ManifestLoader.Load(["-"], options);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("<stdin>:1:1", Assert.Single(result.Cluster.Pods).Source!.ToString());
    }

    [Fact]
    public void A_dash_reads_json_from_the_given_stdin()
    {
        var options = new LoadOptions { Stdin = () => Utf8(KubectlJsonList) };

        var result = ManifestLoader.Load(["-"], options);

        Assert.Equal("<stdin>:4:9", Assert.Single(result.Cluster.Pods).Source!.ToString());
        Assert.Single(ErrorLines(result), l => l.StartsWith("<stdin>:31:49: ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_example_loads_by_name()
    {
        var result = ManifestLoader.Load(["example:default-deny-all"]);

        Assert.Empty(result.Diagnostics);
        var policy = Assert.Single(result.Cluster.Policies);
        Assert.Equal("payments/lockdown", policy.FullName);
        Assert.Equal("example:default-deny-all", policy.Source!.File);
        Assert.Contains("default-deny-all", ExampleCatalog.Names);
    }

    [Fact]
    public void An_unknown_example_is_an_error_listing_the_examples()
    {
        var result = ManifestLoader.Load(["example:no-such-thing"]);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Null(error.Location);
        Assert.StartsWith("example:no-such-thing: no such example; `netpol examples` lists them: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("default-deny-all", error.Message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------ the cluster built

    [Fact]
    public void The_same_object_twice_is_an_error_naming_both_places()
    {
        var result = ManifestLoader.LoadText(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: other}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec: {template: {}}
            """,
            "p.yaml");

        Assert.Equal(["p.yaml:5:1: Pod shop/web: defined twice: first at p.yaml:1:1"], ErrorLines(result));
        Assert.Equal(["other/web", "shop/deploy/web", "shop/web"], result.Cluster.Pods.Select(p => p.FullName));
    }

    [Fact]
    public void The_same_object_in_two_sources_is_an_error_naming_both_files()
    {
        using var dir = new TempDirectory();
        const string Policy = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec: {podSelector: {}}\n";
        var first = dir.Write("first.yaml", Policy);
        var options = new LoadOptions { Stdin = () => Utf8(Policy) };

        var result = ManifestLoader.Load([first, "-"], options);

        Assert.Equal([$"<stdin>:1:1: NetworkPolicy shop/p: defined twice: first at {first}:1:1"], ErrorLines(result));
    }

    [Fact]
    public void Namespaces_used_but_not_declared_exist_and_every_namespace_has_its_name_label()
    {
        var result = ManifestLoader.LoadText(
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {team: a, kubernetes.io/metadata.name: something-else}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: db, namespace: data}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: ops}
            spec: {podSelector: {}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: no-namespace}
            """,
            "p.yaml");

        Assert.Empty(result.Diagnostics);
        var namespaces = result.Cluster.Namespaces;
        Assert.Equal(["data", "default", "ops", "shop"], namespaces.Select(n => n.Name));
        Assert.Equal([true, true, true, false], namespaces.Select(n => n.IsImplicit));
        Assert.All(namespaces, n => Assert.Equal(n.Name, n.Labels["kubernetes.io/metadata.name"]));
        Assert.Equal("a", result.Cluster.FindNamespace("shop")!.Labels["team"]);
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void A_workload_becomes_one_synthetic_pod_with_its_template_labels_and_ports(WorkloadCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var result = ManifestLoader.LoadText(row.Yaml, "w.yaml");

        Assert.Empty(result.Diagnostics);
        var pod = Assert.Single(result.Cluster.Pods);
        Assert.Equal(row.ExpectedName, pod.FullName);
        Assert.Equal(row.Kind, pod.WorkloadKind);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" }, pod.Labels);
        Assert.Equal([new ContainerPort("http", 8080, Protocol.TCP), new ContainerPort(null, 53, Protocol.UDP)], pod.Ports);
        Assert.True(pod.HasNoIP);
        Assert.Equal("w.yaml:1:1", pod.Source!.ToString());
    }

    [Fact]
    public void A_pod_without_status_podIP_has_no_IP_and_one_with_it_has_its_IPs()
    {
        var result = ManifestLoader.LoadText(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: pending, namespace: shop}
            status: {phase: Pending}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: running, namespace: shop}
            status:
              podIP: 10.0.0.7
              podIPs:
              - ip: 10.0.0.7
              - ip: fd00::7
            """,
            "p.yaml");

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Cluster.FindPod("shop/pending")!.HasNoIP);
        Assert.Equal([IPAddress.Parse("10.0.0.7"), IPAddress.Parse("fd00::7")], result.Cluster.FindPod("shop/running")!.IPs);
    }

    // ------------------------------------------------------------ unknown kinds and several errors

    [Fact]
    public void An_unknown_kind_is_skipped_with_a_note()
    {
        var result = ManifestLoader.LoadText(ConfigMap("settings"), "p.yaml");

        Assert.False(result.HasErrors);
        var note = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Info, note.Severity);
        Assert.Equal(
            "p.yaml:1:1: note: skipped ConfigMap settings: netpol reads Namespace, Pod, Service, NetworkPolicy and workloads",
            note.ToString());
    }

    [Fact]
    public void An_unknown_kind_is_an_error_when_strict()
    {
        var result = ManifestLoader.LoadText(ConfigMap("settings"), "p.yaml", new LoadOptions { Strict = true });

        Assert.Equal(
            ["p.yaml:1:1: skipped ConfigMap settings: netpol reads Namespace, Pod, Service, NetworkPolicy and workloads"],
            ErrorLines(result));
    }

    [Fact]
    public void Every_error_of_a_run_is_reported_none_dropped()
    {
        using var dir = new TempDirectory();
        var other = dir.Write("other.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: Bad_Name, namespace: shop}\n");
        var options = new LoadOptions
        {
            Stdin = () => Utf8(
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: a, namespace: shop}
                spec:
                  podSelector: {}
                  ingress:
                  - ports:
                    - port: 0
                    - port: 70000
                    from:
                    - {}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: b, namespace: shop}
                spec:
                  podSelector: {}
                  egress:
                  - to:
                    - ipBlock: {cidr: 10.0.0.0/8, except: [11.0.0.0/8]}
                  policyTypes: [ingress]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: ok, namespace: shop}
                """),
        };

        var result = ManifestLoader.Load(["-", other], options);

        Assert.Equal(
            [
                "<stdin>:8:13: NetworkPolicy shop/a: spec.ingress[0].ports[0].port",
                "<stdin>:9:13: NetworkPolicy shop/a: spec.ingress[0].ports[1].port",
                "<stdin>:11:7: NetworkPolicy shop/a: spec.ingress[0].from[0]",
                "<stdin>:20:44: NetworkPolicy shop/b: spec.egress[0].to[0].ipBlock.except[0]",
                "<stdin>:21:17: NetworkPolicy shop/b: spec.policyTypes[0]",
                $"{other}:3:18: Pod shop/Bad_Name: metadata.name",
            ],
            result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => $"{d.Location}: {d.ObjectRef}: {d.FieldPath}"));
        Assert.Equal(6, result.ErrorCount);
        Assert.Equal(["shop/ok"], result.Cluster.Pods.Select(p => p.FullName));
        Assert.Empty(result.Cluster.Policies);
    }

    // ------------------------------------------------------------ policyTypes defaulting

    [Theory]
    [MemberData(nameof(PolicyTypeDefaults))]
    public void PolicyTypes_are_defaulted_as_the_API_server_does(PolicyTypesCase row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var yaml = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  podSelector: {}\n" + row.Spec;
        var result = ManifestLoader.LoadText(yaml, "p.yaml");

        Assert.False(result.HasErrors);
        var policy = Assert.Single(result.Cluster.Policies);
        Assert.Equal(row.Ingress, policy.AffectsIngress);
        Assert.Equal(row.Egress, policy.AffectsEgress);
    }

    [Fact]
    public void Rules_of_a_direction_left_out_of_policyTypes_are_dropped_with_a_note()
    {
        var result = ManifestLoader.LoadText(
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: p, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              ingress:
              - {}
              egress:
              - {}
            """,
            "p.yaml");

        var note = Assert.Single(result.Diagnostics);
        Assert.Equal("p.yaml:8:3: NetworkPolicy shop/p: spec.ingress: note: policyTypes omits Ingress: these rules never apply", note.ToString());
        var policy = Assert.Single(result.Cluster.Policies);
        Assert.Empty(policy.Ingress);
        Assert.Single(policy.Egress);
    }

    // ------------------------------------------------------------ helpers

    private const string KubectlJsonList =
        """
        {
            "apiVersion": "v1",
            "items": [
                {
                    "apiVersion": "v1",
                    "kind": "Pod",
                    "metadata": {
                        "labels": {"app": "web"},
                        "name": "web",
                        "namespace": "shop"
                    },
                    "spec": {
                        "containers": [
                            {"name": "web", "ports": [{"containerPort": 8080, "name": "http", "protocol": "TCP"}]}
                        ]
                    },
                    "status": {
                        "podIP": "10.0.0.5",
                        "podIPs": [{"ip": "10.0.0.5"}]
                    }
                },
                {
                    "apiVersion": "networking.k8s.io/v1",
                    "kind": "NetworkPolicy",
                    "metadata": {
                        "name": "deny",
                        "namespace": "shop"
                    },
                    "spec": {
                        "podSelector": {},
                        "ingress": [{"ports": [{"port": 0}]}]
                    }
                }
            ],
            "kind": "List",
            "metadata": {"resourceVersion": ""}
        }
        """;

    private static string ConfigMap(string name) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata: {{}}\n";

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string[] ErrorLines(LoadResult result) =>
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToArray();

    /// <summary>A fresh directory under the system temp directory, deleted afterwards.</summary>
    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("netpol-loader-").FullName;

        public string Write(string relative, string text)
        {
            var full = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            return full;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
