using System.Reflection;
using Speciosa.Clinical.Knowledge;
using Xunit;

namespace Speciosa.Web.Tests.Architecture;

/// <summary>The dependency rule of docs/architecture.md, checked on the compiled product: a small kernel that never
/// names a feature, features that depend on each other one way only, and a clinical core that references nothing of
/// ours.</summary>
public sealed class ArchitectureTests
{
    /// <summary>Shared by every feature; may not name one.</summary>
    public static readonly IReadOnlySet<string> Kernel = new HashSet<string>(StringComparer.Ordinal)
    {
        "Clinics", "Patients", "Alerts", "Identity", "Audit", "Http", "Data", "Components", "Documents",
    };

    /// <summary>One folder each, mirrored in the core, the web host and the tests.</summary>
    public static readonly IReadOnlySet<string> Features = new HashSet<string>(StringComparer.Ordinal)
    {
        "Withdrawal", "Liver", "Regimens", "Medicines", "Products", "Jurisdictions", "Safety", "Treatment", "Vitals",
        "MentalHealth", "DrugTesting", "Fhir",
        "Research", "Portal", "CarePlans", "Reminders",
        "Rounds",
        "Appointments",
    };

    /// <summary>Features nothing else may name: they only read the others (Fhir maps the chart to FHIR R4; Research
    /// de-identifies it).</summary>
    public static readonly IReadOnlySet<string> ReadOnlyEdges = new HashSet<string>(StringComparer.Ordinal) { "Fhir", "Research" };

    /// <summary>The host (SpeciosaApp, Program: the root namespace "") and the demo seed may name anything.</summary>
    public static readonly IReadOnlySet<string> Host = new HashSet<string>(StringComparer.Ordinal) { "", "Demo" };

    private static readonly Lazy<SliceGraph> Web = new(() => SliceGraph.Of(typeof(SpeciosaApp).Assembly, "Speciosa.Web"));

    [Fact]
    public void Every_namespace_of_the_web_host_is_the_kernel_a_feature_or_the_host()
    {
        var unclassified = Web.Value.Slices.Where(s => !Kernel.Contains(s) && !Features.Contains(s) && !Host.Contains(s)).ToList();

        Assert.True(unclassified.Count == 0,
            $"Add each new folder to the kernel or the features in this test and docs/architecture.md: {string.Join(", ", unclassified)}");
    }

    [Fact]
    public void No_two_features_depend_on_each_other_even_through_others()
    {
        var cycles = Web.Value.Cycles(Features);

        Assert.True(cycles.Count == 0, "Features in a cycle (react through a handler interface owned by the raiser instead):\n" +
            string.Join("\n", cycles));
    }

    [Fact]
    public void Nothing_but_the_host_names_a_feature_that_only_reads_the_others()
    {
        var found = NamingReadOnlyFeatures(Web.Value);

        Assert.True(found.Count == 0, "A namespace depends on a read-only feature (it must depend on nothing that names it):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_read_only_check_finds_a_feature_that_names_fhir()
    {
        var found = NamingReadOnlyFeatures(Web.Value.With("Liver", "Fhir", "Speciosa.Web.Liver.LabRecords → Speciosa.Web.Fhir.FhirChart"));

        Assert.Equal(["Liver → Fhir"], found);
    }

    private static List<string> NamingReadOnlyFeatures(SliceGraph graph) =>
        graph.Slices.Where(s => !Host.Contains(s) && !ReadOnlyEdges.Contains(s)).Order(StringComparer.Ordinal)
            .SelectMany(s => graph.DependenciesOf(s).Keys.Where(ReadOnlyEdges.Contains).Select(d => s + " → " + d))
            .ToList();

    [Fact]
    public void The_fhir_feature_reads_the_features_it_maps()
    {
        var reads = Web.Value.DependenciesOf("Fhir").Keys.ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "Liver", "Withdrawal", "Vitals", "Patients", "Alerts" }, reads);
    }

    [Fact]
    public void The_kernel_never_names_a_feature()
    {
        var found = Web.Value.Dependencies(Kernel, Features);

        Assert.True(found.Count == 0, "Kernel code naming a feature:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_clinical_core_references_nothing_of_ours_and_no_web_or_data_framework()
    {
        var references = typeof(KnowledgeFile).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Speciosa", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_web_feature_has_the_same_folder_in_the_clinical_core_and_in_the_tests()
    {
        var core = typeof(KnowledgeFile).Assembly.GetTypes().Select(t => t.Namespace ?? "")
            .Where(n => n.StartsWith("Speciosa.Clinical.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[2]).ToHashSet(StringComparer.Ordinal);
        var tests = typeof(ArchitectureTests).Assembly.GetTypes().Select(t => t.Namespace ?? "")
            .Where(n => n.StartsWith("Speciosa.Web.Tests.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[3]).ToHashSet(StringComparer.Ordinal);

        Assert.All(Features, f => Assert.Contains(f, core));
        Assert.All(Features, f => Assert.Contains(f, tests));
    }

    // The test of the test: the same rules, on a small fixture with a cycle and a kernel that names a feature.

    private static readonly Lazy<SliceGraph> Fixture = new(() =>
        SliceGraph.Of(typeof(ArchitectureTests).Assembly, "Speciosa.Web.Tests.Architecture.Fixture"));

    private static readonly IReadOnlySet<string> FixtureFeatures = new HashSet<string>(StringComparer.Ordinal) { "Orders", "Stock", "Billing" };

    [Fact]
    public void The_cycle_check_finds_two_features_that_name_each_other()
    {
        var cycles = Fixture.Value.Cycles(FixtureFeatures);

        var cycle = Assert.Single(cycles);
        Assert.StartsWith("Orders ⇄ Stock", cycle, StringComparison.Ordinal);
        Assert.Contains("Fixture.Orders.Order → ", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cycle_check_finds_a_cycle_added_to_the_real_product()
    {
        Assert.Empty(Web.Value.Cycles(Features));

        // Regimens already reads lots through Products' seam; Products naming Regimens would close a circle.
        var withCycle = Web.Value.With("Products", "Regimens", "Products.LotRelease → Regimens.DoseLog (added by this test)");

        var cycle = Assert.Single(withCycle.Cycles(Features));
        Assert.Contains("Products", cycle, StringComparison.Ordinal);
        Assert.Contains("Regimens", cycle, StringComparison.Ordinal);
    }

    [Fact]
    public void The_kernel_check_finds_a_kernel_type_that_names_a_feature()
    {
        var found = Fixture.Value.Dependencies(new HashSet<string>(StringComparer.Ordinal) { "Kernel" }, FixtureFeatures);

        Assert.Equal(["Kernel → Billing: Speciosa.Web.Tests.Architecture.Fixture.Kernel.Ledger → Speciosa.Web.Tests.Architecture.Fixture.Billing.Invoice"], found);
    }

    [Fact]
    public void Two_generic_methods_with_the_same_signature_do_not_make_their_namespaces_depend_on_each_other()
    {
        Assert.DoesNotContain("Kernel", Fixture.Value.DependenciesOf("Stock").Keys);
        Assert.DoesNotContain("Stock", Fixture.Value.DependenciesOf("Kernel").Keys);
    }

    [Fact]
    public void A_feature_that_depends_one_way_is_not_a_cycle()
    {
        var oneWay = new HashSet<string>(StringComparer.Ordinal) { "Billing", "Orders" };

        Assert.Empty(Fixture.Value.Cycles(oneWay));
        Assert.Contains("Billing", Fixture.Value.DependenciesOf("Orders").Keys);
    }
}
