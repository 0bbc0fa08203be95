using Shodo.Sigma;

namespace Shodo.Tests.Detections;

/// <summary>
/// Every Stratus Red Team technique file for which a built-in rule exists is matched by that rule,
/// and rules above Low fire only on the techniques they were written for.
/// </summary>
public class TechniqueCoverageTests
{
    /// <summary>Technique file → the built-in rules (file names under rules/cloudtrail) that must fire on it.</summary>
    public static readonly Dictionary<string, string[]> Coverage = new()
    {
        ["aws.credential-access.ec2-get-password-data"] = ["credential_access_ec2_password_data"],
        ["aws.credential-access.ec2-steal-instance-credentials"] = ["execution_ssm_send_command"],
        ["aws.credential-access.secretsmanager-batch-retrieve-secrets"] = ["credential_access_secrets_manager_read"],
        ["aws.credential-access.secretsmanager-retrieve-secrets"] = ["credential_access_secrets_manager_read"],
        ["aws.credential-access.ssm-retrieve-securestring-parameters"] = ["credential_access_ssm_parameters_decrypted"],
        ["aws.defense-evasion.cloudtrail-delete"] = ["evasion_cloudtrail_stop_or_delete"],
        ["aws.defense-evasion.cloudtrail-event-selectors"] = ["evasion_cloudtrail_modified"],
        ["aws.defense-evasion.cloudtrail-stop"] = ["evasion_cloudtrail_stop_or_delete"],
        ["aws.defense-evasion.dns-delete-logs"] = ["evasion_dns_query_logging_deleted"],
        ["aws.defense-evasion.organizations-leave"] = ["evasion_organizations_leave"],
        ["aws.defense-evasion.vpc-remove-flow-logs"] = ["evasion_vpc_flow_logs_deleted"],
        ["aws.discovery.ec2-download-user-data"] = ["discovery_ec2_user_data_read"],
        ["aws.execution.ec2-launch-unusual-instances"] = ["impact_ec2_gpu_or_large_instances"],
        ["aws.execution.ec2-user-data"] = ["execution_ec2_user_data_modified"],
        ["aws.execution.ssm-send-command"] = ["execution_ssm_send_command"],
        ["aws.execution.ssm-start-session"] = ["execution_ssm_start_session"],
        ["aws.exfiltration.ec2-security-group-open-port-22-ingress"] = ["evasion_security_group_open_to_world"],
        ["aws.exfiltration.ec2-share-ami"] = ["exfiltration_ami_shared"],
        ["aws.exfiltration.ec2-share-ebs-snapshot"] = ["exfiltration_ebs_snapshot_shared"],
        ["aws.exfiltration.rds-share-snapshot"] = ["exfiltration_rds_snapshot_shared"],
        ["aws.impact.bedrock-invoke-model"] = ["impact_bedrock_model_access", "impact_bedrock_invoke_model"],
        ["aws.initial-access.console-login-without-mfa"] = ["initial_access_console_login_without_mfa"],
        ["aws.lateral-movement.ec2-instance-connect"] = ["lateral_movement_ec2_instance_connect"],
        ["aws.lateral-movement.ec2-serial-console-send-ssh-public-key"] = ["lateral_movement_ec2_serial_console"],
        ["aws.persistence.iam-backdoor-role"] = ["persistence_iam_role_trust_outside_account", "persistence_iam_update_assume_role_policy"],
        ["aws.persistence.iam-backdoor-user"] = ["persistence_iam_create_access_key_other_user"],
        ["aws.persistence.iam-create-admin-user"] = ["persistence_iam_create_user", "privesc_iam_admin_policy_attached", "persistence_iam_create_access_key_other_user"],
        ["aws.persistence.iam-create-backdoor-role"] = ["persistence_iam_role_trust_outside_account", "privesc_iam_admin_policy_attached"],
        ["aws.persistence.iam-create-user-login-profile"] = ["persistence_iam_create_login_profile"],
        ["aws.persistence.lambda-backdoor-function"] = ["persistence_lambda_public_permission"],
        ["aws.persistence.lambda-layer-extension"] = ["persistence_lambda_function_changed"],
        ["aws.persistence.lambda-overwrite-code"] = ["persistence_lambda_function_changed"],
        ["aws.persistence.rolesanywhere-create-trust-anchor"] = ["persistence_rolesanywhere_trust_anchor"],
        ["aws.persistence.sts-federation-token"] = ["persistence_sts_get_federation_token"],
        ["aws.privilege-escalation.iam-update-user-login-profile"] = ["persistence_iam_update_login_profile"],
    };

    public static TheoryData<string, string> CoveredTechniques()
    {
        var data = new TheoryData<string, string>();
        foreach (var (technique, rules) in Coverage)
            foreach (var rule in rules) data.Add(technique, rule);
        return data;
    }

    private static SigmaRule BuiltInRule(string name) =>
        SigmaRuleSet.BuiltIn.Rules.SingleOrDefault(r => r.Path == $"builtin:cloudtrail/{name}.yml")
        ?? throw new Xunit.Sdk.XunitException($"no built-in rule {name}.yml");

    [Theory]
    [MemberData(nameof(CoveredTechniques))]
    public void The_built_in_rule_fires_on_the_technique(string technique, string rule)
    {
        var records = DetonationLogs.Records(technique);
        var matched = records.Where(BuiltInRule(rule).Matches).ToList();
        Assert.NotEmpty(matched);
    }

    [Fact]
    public void Every_technique_file_is_accounted_for()
    {
        // A new technique file in shared/testdata must be added to Coverage (with a rule) to pass.
        Assert.Equal(DetonationLogs.Techniques().Order(), Coverage.Keys.Order());
    }

    [Fact]
    public void Rules_above_low_fire_only_on_the_techniques_they_cover()
    {
        var unexpected = new List<string>();
        foreach (var technique in DetonationLogs.Techniques())
        {
            var expected = Coverage.GetValueOrDefault(technique, []);
            foreach (var rule in SigmaRuleSet.BuiltIn.Rules.Where(r => r.Level > SigmaLevel.Low))
            {
                var name = Path.GetFileNameWithoutExtension(rule.Path!);
                if (!expected.Contains(name) && DetonationLogs.Records(technique).Any(rule.Matches))
                    unexpected.Add($"{name} on {technique}");
            }
        }
        Assert.Empty(unexpected);
    }
}
