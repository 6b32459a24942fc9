-- Phase 5 deploy script for SQL Server, idempotent: every statement is guarded
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
IF OBJECT_ID(N'[django_migrations]', N'U') IS NULL
    CREATE TABLE [django_migrations] ([id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [app] nvarchar(255) NOT NULL, [name] nvarchar(255) NOT NULL, [applied] datetimeoffset NOT NULL);
GO
-- ai.0001_health_recommendations (plan item 031)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'CREATE TABLE [AiHealthRecommendations] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Trigger] nvarchar(12) NOT NULL, [Category] nvarchar(15) NOT NULL, [Title] nvarchar(200) NOT NULL, [Summary] nvarchar(1000) NOT NULL, [Details] nvarchar(max) NOT NULL, [Urgency] nvarchar(8) NOT NULL, [Confidence] numeric(4, 3) NULL, [InputSnapshot] nvarchar(max) NOT NULL CONSTRAINT AiHealthRecommendations_InputSnapshot_3766285a_check CHECK ((ISJSON ("InputSnapshot") = 1)), [ModelName] nvarchar(100) NOT NULL, [PromptVersion] nvarchar(30) NOT NULL, [Status] nvarchar(12) NOT NULL, [DismissedAt] datetimeoffset NULL, [ExpiresAt] datetimeoffset NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [DogId] char(32) NOT NULL, [RequestedById] nvarchar(450) NULL, [SupersededById] char(32) NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'CREATE TABLE [AiRecommendationFeedback] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [IsHelpful] bit NOT NULL, [Comment] nvarchar(1000) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [RecommendationId] char(32) NOT NULL, [UserId] nvarchar(450) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'CREATE INDEX [IX_AiRecs_Dog_Status_Created] ON [AiHealthRecommendations] ([DogId], [Status], [CreatedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [CK_AiRecs_Confidence] CHECK (([Confidence] IS NULL OR ([Confidence] >= 0 AND [Confidence] <= 1)))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [CK_AiRecs_Urgency] CHECK ([Urgency] IN (''Info'', ''Low'', ''Medium'', ''High'', ''Urgent''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [CK_AiHealthRecommendations_Trigger] CHECK ([Trigger] IN (''OnDemand'', ''Scheduled'', ''RecordChange''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [CK_AiHealthRecommendations_Category] CHECK ([Category] IN (''Nutrition'', ''Exercise'', ''Preventive'', ''Vaccination'', ''Weight'', ''Behavior'', ''Grooming'', ''Symptom'', ''Dental''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [CK_AiHealthRecommendations_Status] CHECK ([Status] IN (''Active'', ''Dismissed'', ''Completed'', ''Superseded'', ''Expired''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiRecommendationFeedback] ADD CONSTRAINT [UX_AiFeedback_Rec_User] UNIQUE ([RecommendationId], [UserId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'CREATE INDEX [AiHealthRecommendations_RequestedById_48fd232b] ON [AiHealthRecommendations] ([RequestedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'CREATE INDEX [AiHealthRecommendations_SupersededById_3c417686] ON [AiHealthRecommendations] ([SupersededById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'CREATE INDEX [AiRecommendationFeedback_UserId_f395fbab] ON [AiRecommendationFeedback] ([UserId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [AiHealthRecommendations_DogId_85f7e7a3_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [AiHealthRecommendations_RequestedById_48fd232b_fk_Users_Id] FOREIGN KEY ([RequestedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [AiHealthRecommendations_SupersededById_3c417686_fk_AiHealthRecommendations_Id] FOREIGN KEY ([SupersededById]) REFERENCES [AiHealthRecommendations] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiRecommendationFeedback] ADD CONSTRAINT [AiRecommendationFeedback_RecommendationId_bd2a0b8d_fk_AiHealthRecommendations_Id] FOREIGN KEY ([RecommendationId]) REFERENCES [AiHealthRecommendations] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    EXEC(N'ALTER TABLE [AiRecommendationFeedback] ADD CONSTRAINT [AiRecommendationFeedback_UserId_f395fbab_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0001_health_recommendations')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'ai', N'0001_health_recommendations', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- ai.0002_content_moderation (plan item 032)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'CREATE TABLE [ModerationChecks] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ContentType] nvarchar(20) NOT NULL, [ContentId] nvarchar(100) NOT NULL, [Engine] nvarchar(50) NOT NULL, [Flagged] bit NOT NULL, [Categories] nvarchar(max) NOT NULL CONSTRAINT ModerationChecks_Categories_87bd942d_check CHECK ((ISJSON ("Categories") = 1)), [CategoryScores] nvarchar(max) NOT NULL CONSTRAINT ModerationChecks_CategoryScores_983ec890_check CHECK ((ISJSON ("CategoryScores") = 1)), [MaxScore] numeric(5, 4) NULL, [Decision] nvarchar(14) NOT NULL, [ReviewedAt] datetimeoffset NULL, [ReviewOutcome] nvarchar(10) NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [AuthorId] nvarchar(450) NULL, [ReviewedById] nvarchar(450) NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'CREATE TABLE [ContentReports] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ContentType] nvarchar(20) NOT NULL, [ContentId] nvarchar(100) NOT NULL, [Reason] nvarchar(15) NOT NULL, [Details] nvarchar(max) NOT NULL, [Status] nvarchar(10) NOT NULL, [Resolution] nvarchar(200) NOT NULL, [ResolvedAt] datetimeoffset NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [ReportedUserId] nvarchar(450) NULL, [ReporterId] nvarchar(450) NULL, [ResolvedById] nvarchar(450) NULL, [ModerationCheckId] bigint NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'CREATE INDEX [IX_ModChecks_Content] ON [ModerationChecks] ([ContentType], [ContentId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'CREATE INDEX [IX_ModChecks_Queue] ON [ModerationChecks] ([Decision], [MaxScore] DESC) WHERE [Decision] = ''PendingReview''');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ModerationChecks] ADD CONSTRAINT [CK_ModerationChecks_ContentType] CHECK ([ContentType] IN (''Message'', ''Review'', ''DogProfile'', ''ProfileImage'', ''Attachment'', ''ProviderProfile''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ModerationChecks] ADD CONSTRAINT [CK_ModerationChecks_Decision] CHECK ([Decision] IN (''Allowed'', ''Flagged'', ''Blocked'', ''PendingReview''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ModerationChecks] ADD CONSTRAINT [CK_ModerationChecks_ReviewOutcome] CHECK (([ReviewOutcome] IS NULL OR [ReviewOutcome] IN (''Approved'', ''Removed'', ''Escalated'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'CREATE INDEX [IX_Reports_Status_Created] ON [ContentReports] ([Status], [CreatedAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_Reports_Reporter_Content] ON [ContentReports] ([ReporterId], [ContentType], [ContentId]) WHERE ([ReporterId] IS NOT NULL AND [Status] IN (''Open'', ''Reviewing''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ContentReports] ADD CONSTRAINT [CK_ContentReports_ContentType] CHECK ([ContentType] IN (''Message'', ''Review'', ''DogProfile'', ''ProfileImage'', ''Attachment'', ''ProviderProfile''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ContentReports] ADD CONSTRAINT [CK_ContentReports_Reason] CHECK ([Reason] IN (''Spam'', ''Harassment'', ''Inappropriate'', ''Scam'', ''AnimalWelfare'', ''Other''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ContentReports] ADD CONSTRAINT [CK_ContentReports_Status] CHECK ([Status] IN (''Open'', ''Reviewing'', ''Resolved'', ''Dismissed''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'CREATE INDEX [ContentReports_ModerationCheckId_b552073b] ON [ContentReports] ([ModerationCheckId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'CREATE INDEX [ContentReports_ReportedUserId_612bf1dd] ON [ContentReports] ([ReportedUserId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'CREATE INDEX [ContentReports_ReporterId_0337caf6] ON [ContentReports] ([ReporterId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'CREATE INDEX [ContentReports_ResolvedById_b3a9ad78] ON [ContentReports] ([ResolvedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'CREATE INDEX [ModerationChecks_AuthorId_00507b01] ON [ModerationChecks] ([AuthorId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'CREATE INDEX [ModerationChecks_ReviewedById_be598fba] ON [ModerationChecks] ([ReviewedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ContentReports] ADD CONSTRAINT [ContentReports_ModerationCheckId_b552073b_fk_ModerationChecks_Id] FOREIGN KEY ([ModerationCheckId]) REFERENCES [ModerationChecks] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ContentReports] ADD CONSTRAINT [ContentReports_ReportedUserId_612bf1dd_fk_Users_Id] FOREIGN KEY ([ReportedUserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ContentReports] ADD CONSTRAINT [ContentReports_ReporterId_0337caf6_fk_Users_Id] FOREIGN KEY ([ReporterId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ContentReports] ADD CONSTRAINT [ContentReports_ResolvedById_b3a9ad78_fk_Users_Id] FOREIGN KEY ([ResolvedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ModerationChecks] ADD CONSTRAINT [ModerationChecks_AuthorId_00507b01_fk_Users_Id] FOREIGN KEY ([AuthorId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    EXEC(N'ALTER TABLE [ModerationChecks] ADD CONSTRAINT [ModerationChecks_ReviewedById_be598fba_fk_Users_Id] FOREIGN KEY ([ReviewedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0002_content_moderation')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'ai', N'0002_content_moderation', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- ai.0003_usage_tracking (plan item 033)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'CREATE TABLE [AiModelPrices] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [AiProvider] nvarchar(20) NOT NULL, [ModelName] nvarchar(100) NOT NULL, [InputPerMillionUsd] numeric(10, 4) NOT NULL, [OutputPerMillionUsd] numeric(10, 4) NOT NULL, [CachedInputPerMillionUsd] numeric(10, 4) NOT NULL, [EffectiveFrom] date NOT NULL, CONSTRAINT [UX_AiModelPrices_Model_From] UNIQUE ([AiProvider], [ModelName], [EffectiveFrom]), CONSTRAINT [CK_AiModelPrices_AiProvider] CHECK ([AiProvider] IN (''OpenAI'', ''AzureOpenAI'', ''Anthropic'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'CREATE TABLE [AiUsageRecords] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [RequestId] char(32) NOT NULL UNIQUE, [Feature] nvarchar(20) NOT NULL, [AiProvider] nvarchar(20) NOT NULL, [ModelName] nvarchar(100) NOT NULL, [ProviderRequestId] nvarchar(100) NOT NULL, [PromptTokens] int NOT NULL CONSTRAINT AiUsageRecords_PromptTokens_3a71e830_check CHECK ([PromptTokens] >= 0), [CompletionTokens] int NOT NULL CONSTRAINT AiUsageRecords_CompletionTokens_f968b389_check CHECK ([CompletionTokens] >= 0), [CachedTokens] int NOT NULL CONSTRAINT AiUsageRecords_CachedTokens_eddcb82c_check CHECK ([CachedTokens] >= 0), [TotalTokens] int NOT NULL CONSTRAINT AiUsageRecords_TotalTokens_c647068a_check CHECK ([TotalTokens] >= 0), [CostUsd] numeric(12, 6) NOT NULL, [LatencyMs] int NULL CONSTRAINT AiUsageRecords_LatencyMs_23e2545b_check CHECK ([LatencyMs] >= 0), [Status] nvarchar(14) NOT NULL, [ErrorCode] nvarchar(50) NOT NULL, [UsageDate] date NOT NULL, [StartedAt] datetimeoffset NOT NULL, [CompletedAt] datetimeoffset NULL, [Metadata] nvarchar(max) NOT NULL CONSTRAINT AiUsageRecords_Metadata_bf44913e_check CHECK ((ISJSON ("Metadata") = 1)), [UserId] nvarchar(450) NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] ADD [UsageRecordId] bigint NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [ModerationChecks] ADD [UsageRecordId] bigint NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'CREATE TABLE [AiDailyUsage] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [UsageDate] date NOT NULL, [RequestCount] int NOT NULL CONSTRAINT AiDailyUsage_RequestCount_dc9a3099_check CHECK ([RequestCount] >= 0), [SuccessCount] int NOT NULL CONSTRAINT AiDailyUsage_SuccessCount_2a10a958_check CHECK ([SuccessCount] >= 0), [FailureCount] int NOT NULL CONSTRAINT AiDailyUsage_FailureCount_fecaf5ed_check CHECK ([FailureCount] >= 0), [PromptTokens] bigint NOT NULL, [CompletionTokens] bigint NOT NULL, [CostUsd] numeric(12, 6) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [UX_AiDailyUsage_User_Date] UNIQUE ([UserId], [UsageDate]), CONSTRAINT [CK_AiDailyUsage_NonNeg] CHECK (([CompletionTokens] >= 0 AND [CostUsd] >= 0 AND [PromptTokens] >= 0)))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'CREATE INDEX [IX_AiUsage_User_Date] ON [AiUsageRecords] ([UserId], [UsageDate])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'CREATE INDEX [IX_AiUsage_Started] ON [AiUsageRecords] ([StartedAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [CK_AiUsage_Tokens] CHECK ([TotalTokens] = ([PromptTokens] + [CompletionTokens]))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [CK_AiUsageRecords_Feature] CHECK ([Feature] IN (''HealthRecommendation'', ''Moderation'', ''Chat'', ''ImageAnalysis''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [CK_AiUsageRecords_AiProvider] CHECK ([AiProvider] IN (''OpenAI'', ''AzureOpenAI'', ''Anthropic''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [CK_AiUsageRecords_Status] CHECK ([Status] IN (''Success'', ''Error'', ''RateLimited'', ''Blocked'', ''QuotaExceeded''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'CREATE INDEX [AiHealthRecommendations_UsageRecordId_ea0d5565] ON [AiHealthRecommendations] ([UsageRecordId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'CREATE INDEX [ModerationChecks_UsageRecordId_a611c9e6] ON [ModerationChecks] ([UsageRecordId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [AiDailyUsage] ADD CONSTRAINT [AiDailyUsage_UserId_c7d1f983_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [AiHealthRecommendations_UsageRecordId_ea0d5565_fk_AiUsageRecords_Id] FOREIGN KEY ([UsageRecordId]) REFERENCES [AiUsageRecords] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [AiUsageRecords_UserId_8aad9ea3_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    EXEC(N'ALTER TABLE [ModerationChecks] ADD CONSTRAINT [ModerationChecks_UsageRecordId_a611c9e6_fk_AiUsageRecords_Id] FOREIGN KEY ([UsageRecordId]) REFERENCES [AiUsageRecords] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0003_usage_tracking')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'ai', N'0003_usage_tracking', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- ai.0004_usage_jobs (plan item 033)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
BEGIN
    EXEC(N'ALTER TABLE [AiModelPrices] DROP CONSTRAINT [CK_AiModelPrices_AiProvider]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] DROP CONSTRAINT [CK_AiUsageRecords_AiProvider]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] DROP CONSTRAINT [CK_AiUsageRecords_Status]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
BEGIN
    EXEC(N'ALTER TABLE [AiModelPrices] ADD CONSTRAINT [CK_AiModelPrices_AiProvider] CHECK ([AiProvider] IN (''Local'', ''OpenAI'', ''AzureOpenAI'', ''Anthropic''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [CK_AiUsageRecords_AiProvider] CHECK ([AiProvider] IN (''Local'', ''OpenAI'', ''AzureOpenAI'', ''Anthropic''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
BEGIN
    EXEC(N'ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [CK_AiUsageRecords_Status] CHECK ([Status] IN (''Pending'', ''Success'', ''Error'', ''RateLimited'', ''Blocked'', ''QuotaExceeded''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'ai' AND [name] = N'0004_usage_jobs')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'ai', N'0004_usage_jobs', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- audit.0002_user_analytics (plan item 034)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics')
BEGIN
    EXEC(N'CREATE TABLE [AnalyticsEvents] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [AnonymousId] nvarchar(64) NOT NULL, [EventName] nvarchar(100) NOT NULL, [Properties] nvarchar(max) NOT NULL CONSTRAINT AnalyticsEvents_Properties_cb15b557_check CHECK ((ISJSON ("Properties") = 1)), [Platform] nvarchar(8) NOT NULL, [AppVersion] nvarchar(30) NOT NULL, [CountryCode] nvarchar(2) NOT NULL, [OccurredAt] datetimeoffset NOT NULL, [ReceivedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [SessionId] char(32) NULL, [UserId] nvarchar(450) NULL, CONSTRAINT [CK_AnalyticsEvents_Platform] CHECK ([Platform] IN (''Web'', ''iOS'', ''Android'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics')
BEGIN
    EXEC(N'CREATE TABLE [UserDailyActivity] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ActivityDate] date NOT NULL, [Platform] nvarchar(8) NOT NULL, [RequestCount] int NOT NULL CONSTRAINT UserDailyActivity_RequestCount_4f58c6ac_check CHECK ([RequestCount] >= 0), [ActiveSeconds] int NOT NULL CONSTRAINT UserDailyActivity_ActiveSeconds_e12ba648_check CHECK ([ActiveSeconds] >= 0), [FirstSeenAt] datetimeoffset NOT NULL, [LastSeenAt] datetimeoffset NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [UX_UserDailyActivity_Key] UNIQUE ([UserId], [ActivityDate], [Platform]), CONSTRAINT [CK_UserDailyActivity_Platform] CHECK ([Platform] IN (''Web'', ''iOS'', ''Android'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics')
BEGIN
    EXEC(N'CREATE INDEX [AnalyticsEvents_SessionId_eaf3b16c] ON [AnalyticsEvents] ([SessionId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics')
BEGIN
    EXEC(N'CREATE INDEX [IX_AnalyticsEvents_Name_Time] ON [AnalyticsEvents] ([EventName], [OccurredAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics')
BEGIN
    EXEC(N'CREATE INDEX [IX_AnalyticsEvents_User_Time] ON [AnalyticsEvents] ([UserId], [OccurredAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics')
BEGIN
    EXEC(N'ALTER TABLE [AnalyticsEvents] ADD CONSTRAINT [AnalyticsEvents_SessionId_eaf3b16c_fk_UserSessions_Id] FOREIGN KEY ([SessionId]) REFERENCES [UserSessions] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics')
BEGIN
    EXEC(N'ALTER TABLE [AnalyticsEvents] ADD CONSTRAINT [AnalyticsEvents_UserId_26d4a560_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics')
BEGIN
    EXEC(N'ALTER TABLE [UserDailyActivity] ADD CONSTRAINT [UserDailyActivity_UserId_d94f4bad_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0002_user_analytics')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'audit', N'0002_user_analytics', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- audit.0003_business_intelligence (plan item 035)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0003_business_intelligence')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0003_business_intelligence')
BEGIN
    EXEC(N'CREATE TABLE [MetricCounts] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Property] nvarchar(60) NOT NULL, [Subgroup] nvarchar(60) NOT NULL, [Frequency] nvarchar(4) NOT NULL, [EndTime] datetimeoffset NOT NULL, [ScopeType] nvarchar(10) NOT NULL, [ScopeId] nvarchar(64) NOT NULL, [Value] numeric(18, 4) NOT NULL, CONSTRAINT [UX_MetricCounts_Key] UNIQUE ([Property], [Subgroup], [Frequency], [EndTime], [ScopeType], [ScopeId]), CONSTRAINT [CK_MetricCounts_Frequency] CHECK ([Frequency] IN (''hour'', ''day'')), CONSTRAINT [CK_MetricCounts_ScopeType] CHECK ([ScopeType] IN (''Platform'', ''Provider'', ''Category'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0003_business_intelligence')
BEGIN
    EXEC(N'CREATE TABLE [MetricFillStates] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Property] nvarchar(60) NOT NULL, [Frequency] nvarchar(4) NOT NULL, [EndTime] datetimeoffset NOT NULL, [State] nvarchar(8) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [UX_MetricFillStates_Prop_Freq] UNIQUE ([Property], [Frequency]), CONSTRAINT [CK_MetricFillStates_Frequency] CHECK ([Frequency] IN (''hour'', ''day'')), CONSTRAINT [CK_MetricFillStates_State] CHECK ([State] IN (''Started'', ''Done'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0003_business_intelligence')
BEGIN
    EXEC(N'CREATE INDEX [IX_MetricCounts_Prop_End] ON [MetricCounts] ([Property], [EndTime])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0003_business_intelligence')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'audit', N'0003_business_intelligence', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- audit.0004_performance_metrics (plan item 036)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0004_performance_metrics')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0004_performance_metrics')
BEGIN
    EXEC(N'CREATE TABLE [ProviderPerformanceSnapshots] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [PeriodStart] date NOT NULL, [PeriodEnd] date NOT NULL, [RequestsReceived] int NOT NULL CONSTRAINT ProviderPerformanceSnapshots_RequestsReceived_a1b01620_check CHECK ([RequestsReceived] >= 0), [RequestsAccepted] int NOT NULL CONSTRAINT ProviderPerformanceSnapshots_RequestsAccepted_cba3c39b_check CHECK ([RequestsAccepted] >= 0), [RequestsDeclined] int NOT NULL CONSTRAINT ProviderPerformanceSnapshots_RequestsDeclined_3f10e5c0_check CHECK ([RequestsDeclined] >= 0), [RequestsExpired] int NOT NULL CONSTRAINT ProviderPerformanceSnapshots_RequestsExpired_3c9fd348_check CHECK ([RequestsExpired] >= 0), [Cancellations] int NOT NULL CONSTRAINT ProviderPerformanceSnapshots_Cancellations_9597e322_check CHECK ([Cancellations] >= 0), [OnTimeArrivals] int NOT NULL CONSTRAINT ProviderPerformanceSnapshots_OnTimeArrivals_897168ae_check CHECK ([OnTimeArrivals] >= 0), [LateArrivals] int NOT NULL CONSTRAINT ProviderPerformanceSnapshots_LateArrivals_fc7ae2b3_check CHECK ([LateArrivals] >= 0), [MedianResponseSeconds] int NULL CONSTRAINT ProviderPerformanceSnapshots_MedianResponseSeconds_fd08ac72_check CHECK ([MedianResponseSeconds] >= 0), [ComputedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [ProviderId] char(32) NOT NULL, CONSTRAINT [UX_ProviderPerf_Prov_Period] UNIQUE ([ProviderId], [PeriodStart], [PeriodEnd]), CONSTRAINT [CK_ProvPerf_Period] CHECK ([PeriodEnd] >= ([PeriodStart])))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0004_performance_metrics')
BEGIN
    EXEC(N'ALTER TABLE [ProviderPerformanceSnapshots] ADD CONSTRAINT [ProviderPerformanceSnapshots_ProviderId_f3df1bc2_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0004_performance_metrics')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'audit', N'0004_performance_metrics', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
