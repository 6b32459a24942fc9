-- Phase 5 rollback script for SQL Server, idempotent: every statement is guarded
-- by `django_migrations`, so the script can run again after a stop or a failure.
-- Rendered offline by `manage.py plan ddl --vendor mssql`. Do not edit; re-render.
-- Run with `sqlcmd -b -I -i <file>` so that the first error stops the script.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
-- audit.0004_performance_metrics (plan item 036)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0004_performance_metrics')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0004_performance_metrics')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ProviderPerformanceSnapshots]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ProviderPerformanceSnapshots]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ProviderPerformanceSnapshots]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ProviderPerformanceSnapshots]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0004_performance_metrics')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0004_performance_metrics';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- audit.0003_business_intelligence (plan item 035)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0003_business_intelligence')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0003_business_intelligence')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MetricFillStates]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MetricFillStates]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MetricFillStates]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [MetricFillStates]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0003_business_intelligence')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MetricCounts]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MetricCounts]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MetricCounts]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [MetricCounts]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0003_business_intelligence')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0003_business_intelligence';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- audit.0002_user_analytics (plan item 034)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserDailyActivity]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserDailyActivity]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserDailyActivity]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [UserDailyActivity]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AnalyticsEvents]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AnalyticsEvents]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AnalyticsEvents]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AnalyticsEvents]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- ai.0004_usage_jobs (plan item 033)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] DROP CONSTRAINT [CK_AiUsageRecords_Status]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] DROP CONSTRAINT [CK_AiUsageRecords_AiProvider]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
BEGIN
    EXEC(N'ALTER TABLE [AiModelPrices] DROP CONSTRAINT [CK_AiModelPrices_AiProvider]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [CK_AiUsageRecords_Status] CHECK ([Status] IN (''Success'', ''Error'', ''RateLimited'', ''Blocked'', ''QuotaExceeded''))');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [CK_AiUsageRecords_AiProvider] CHECK ([AiProvider] IN (''OpenAI'', ''AzureOpenAI'', ''Anthropic''))');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
BEGIN
    EXEC(N'ALTER TABLE [AiModelPrices] ADD CONSTRAINT [CK_AiModelPrices_AiProvider] CHECK ([AiProvider] IN (''OpenAI'', ''AzureOpenAI'', ''Anthropic''))');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- ai.0003_usage_tracking (plan item 033)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] DROP CONSTRAINT [CK_AiUsageRecords_Status]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] DROP CONSTRAINT [CK_AiUsageRecords_AiProvider]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] DROP CONSTRAINT [CK_AiUsageRecords_Feature]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] DROP CONSTRAINT [CK_AiUsage_Tokens]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'DROP INDEX [IX_AiUsage_Started] ON [AiUsageRecords]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'DROP INDEX [IX_AiUsage_User_Date] ON [AiUsageRecords]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiDailyUsage]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiDailyUsage]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiDailyUsage]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AiDailyUsage]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [ModerationChecks] DROP CONSTRAINT [ModerationChecks_UsageRecordId_a611c9e6_fk_AiUsageRecords_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'DROP INDEX [ModerationChecks_UsageRecordId_a611c9e6] ON [ModerationChecks]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [ModerationChecks] DROP COLUMN [UsageRecordId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] DROP CONSTRAINT [AiHealthRecommendations_UsageRecordId_ea0d5565_fk_AiUsageRecords_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'DROP INDEX [AiHealthRecommendations_UsageRecordId_ea0d5565] ON [AiHealthRecommendations]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] DROP COLUMN [UsageRecordId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiUsageRecords]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiUsageRecords]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiUsageRecords]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AiUsageRecords]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiModelPrices]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiModelPrices]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiModelPrices]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AiModelPrices]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- ai.0002_content_moderation (plan item 032)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ContentReports] DROP CONSTRAINT [CK_ContentReports_Status]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ContentReports] DROP CONSTRAINT [CK_ContentReports_Reason]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ContentReports] DROP CONSTRAINT [CK_ContentReports_ContentType]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'DROP INDEX [UX_Reports_Reporter_Content] ON [ContentReports]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'DROP INDEX [IX_Reports_Status_Created] ON [ContentReports]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ModerationChecks] DROP CONSTRAINT [CK_ModerationChecks_ReviewOutcome]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ModerationChecks] DROP CONSTRAINT [CK_ModerationChecks_Decision]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ModerationChecks] DROP CONSTRAINT [CK_ModerationChecks_ContentType]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'DROP INDEX [IX_ModChecks_Queue] ON [ModerationChecks]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'DROP INDEX [IX_ModChecks_Content] ON [ModerationChecks]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ContentReports]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ContentReports]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ContentReports]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ContentReports]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ModerationChecks]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ModerationChecks]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ModerationChecks]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ModerationChecks]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- ai.0001_health_recommendations (plan item 031)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiRecommendationFeedback] DROP CONSTRAINT [UX_AiFeedback_Rec_User]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] DROP CONSTRAINT [CK_AiHealthRecommendations_Status]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] DROP CONSTRAINT [CK_AiHealthRecommendations_Category]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] DROP CONSTRAINT [CK_AiHealthRecommendations_Trigger]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] DROP CONSTRAINT [CK_AiRecs_Urgency]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] DROP CONSTRAINT [CK_AiRecs_Confidence]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'DROP INDEX [IX_AiRecs_Dog_Status_Created] ON [AiHealthRecommendations]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiRecommendationFeedback]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiRecommendationFeedback]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiRecommendationFeedback]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AiRecommendationFeedback]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiHealthRecommendations]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiHealthRecommendations]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[AiHealthRecommendations]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [AiHealthRecommendations]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
