using Speciosa.Clinical.Knowledge;
using Xunit;

namespace Speciosa.Clinical.Tests.Safety;

public class KnowledgeWordingTests
{
    public static TheoryData<string> Files() =>
        new(KnowledgeFile.Names().Where(n => n.StartsWith("interactions/", StringComparison.Ordinal) || n.StartsWith("safety/", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Files))]
    public void Interaction_and_safety_knowledge_repeats_no_marketing_claim(string name)
    {
        var text = KnowledgeFile.ReadText(name);

        Assert.DoesNotContain("kratom is safe", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("protects the liver", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("liver-protective", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("no addiction", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not addictive", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_interaction_and_safety_knowledge_files_are_embedded()
    {
        var names = KnowledgeFile.Names();
        Assert.Contains("interactions/rules.json", names);
        Assert.Contains("interactions/drug-classes.json", names);
        Assert.Contains("interactions/sources.json", names);
        Assert.Contains("safety/adverse-event-terms.json", names);
        Assert.Contains("safety/pregnancy.json", names);
        Assert.Contains("safety/sources.json", names);
    }
}
