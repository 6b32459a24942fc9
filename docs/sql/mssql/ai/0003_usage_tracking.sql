-- ai.0003_usage_tracking (plan item 033): SQL Server DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
BEGIN TRANSACTION;
GO
-- Create model AiModelPrice
CREATE TABLE [AiModelPrices] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [AiProvider] nvarchar(20) NOT NULL, [ModelName] nvarchar(100) NOT NULL, [InputPerMillionUsd] numeric(10, 4) NOT NULL, [OutputPerMillionUsd] numeric(10, 4) NOT NULL, [CachedInputPerMillionUsd] numeric(10, 4) NOT NULL, [EffectiveFrom] date NOT NULL, CONSTRAINT [UX_AiModelPrices_Model_From] UNIQUE ([AiProvider], [ModelName], [EffectiveFrom]), CONSTRAINT [CK_AiModelPrices_AiProvider] CHECK ([AiProvider] IN ('OpenAI', 'AzureOpenAI', 'Anthropic')));
GO
-- Create model AiUsageRecord
CREATE TABLE [AiUsageRecords] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [RequestId] char(32) NOT NULL UNIQUE, [Feature] nvarchar(20) NOT NULL, [AiProvider] nvarchar(20) NOT NULL, [ModelName] nvarchar(100) NOT NULL, [ProviderRequestId] nvarchar(100) NOT NULL, [PromptTokens] int NOT NULL CONSTRAINT AiUsageRecords_PromptTokens_3a71e830_check CHECK ([PromptTokens] >= 0), [CompletionTokens] int NOT NULL CONSTRAINT AiUsageRecords_CompletionTokens_f968b389_check CHECK ([CompletionTokens] >= 0), [CachedTokens] int NOT NULL CONSTRAINT AiUsageRecords_CachedTokens_eddcb82c_check CHECK ([CachedTokens] >= 0), [TotalTokens] int NOT NULL CONSTRAINT AiUsageRecords_TotalTokens_c647068a_check CHECK ([TotalTokens] >= 0), [CostUsd] numeric(12, 6) NOT NULL, [LatencyMs] int NULL CONSTRAINT AiUsageRecords_LatencyMs_23e2545b_check CHECK ([LatencyMs] >= 0), [Status] nvarchar(14) NOT NULL, [ErrorCode] nvarchar(50) NOT NULL, [UsageDate] date NOT NULL, [StartedAt] datetimeoffset NOT NULL, [CompletedAt] datetimeoffset NULL, [Metadata] nvarchar(max) NOT NULL CONSTRAINT AiUsageRecords_Metadata_bf44913e_check CHECK ((ISJSON ("Metadata") = 1)), [UserId] nvarchar(450) NULL);
GO
-- Add field usage_record to aihealthrecommendation
ALTER TABLE [AiHealthRecommendations] ADD [UsageRecordId] bigint NULL;
GO
-- Add field usage_record to moderationcheck
ALTER TABLE [ModerationChecks] ADD [UsageRecordId] bigint NULL;
GO
-- Create model AiDailyUsage
CREATE TABLE [AiDailyUsage] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [UsageDate] date NOT NULL, [RequestCount] int NOT NULL CONSTRAINT AiDailyUsage_RequestCount_dc9a3099_check CHECK ([RequestCount] >= 0), [SuccessCount] int NOT NULL CONSTRAINT AiDailyUsage_SuccessCount_2a10a958_check CHECK ([SuccessCount] >= 0), [FailureCount] int NOT NULL CONSTRAINT AiDailyUsage_FailureCount_fecaf5ed_check CHECK ([FailureCount] >= 0), [PromptTokens] bigint NOT NULL, [CompletionTokens] bigint NOT NULL, [CostUsd] numeric(12, 6) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [UX_AiDailyUsage_User_Date] UNIQUE ([UserId], [UsageDate]), CONSTRAINT [CK_AiDailyUsage_NonNeg] CHECK (([CompletionTokens] >= 0 AND [CostUsd] >= 0 AND [PromptTokens] >= 0)));
GO
-- Create index IX_AiUsage_User_Date on field(s) user, usage_date of model aiusagerecord
CREATE INDEX [IX_AiUsage_User_Date] ON [AiUsageRecords] ([UserId], [UsageDate]);
GO
-- Create index IX_AiUsage_Started on field(s) started_at of model aiusagerecord
CREATE INDEX [IX_AiUsage_Started] ON [AiUsageRecords] ([StartedAt]);
GO
-- Create constraint CK_AiUsage_Tokens on model aiusagerecord
ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [CK_AiUsage_Tokens] CHECK ([TotalTokens] = ([PromptTokens] + [CompletionTokens]));
GO
-- Create constraint CK_AiUsageRecords_Feature on model aiusagerecord
ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [CK_AiUsageRecords_Feature] CHECK ([Feature] IN ('HealthRecommendation', 'Moderation', 'Chat', 'ImageAnalysis'));
GO
-- Create constraint CK_AiUsageRecords_AiProvider on model aiusagerecord
ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [CK_AiUsageRecords_AiProvider] CHECK ([AiProvider] IN ('OpenAI', 'AzureOpenAI', 'Anthropic'));
GO
-- Create constraint CK_AiUsageRecords_Status on model aiusagerecord
ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [CK_AiUsageRecords_Status] CHECK ([Status] IN ('Success', 'Error', 'RateLimited', 'Blocked', 'QuotaExceeded'));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [AiHealthRecommendations_UsageRecordId_ea0d5565] ON [AiHealthRecommendations] ([UsageRecordId]);
GO
CREATE INDEX [ModerationChecks_UsageRecordId_a611c9e6] ON [ModerationChecks] ([UsageRecordId]);
GO
ALTER TABLE [AiDailyUsage] ADD CONSTRAINT [AiDailyUsage_UserId_c7d1f983_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [AiHealthRecommendations] ADD CONSTRAINT [AiHealthRecommendations_UsageRecordId_ea0d5565_fk_AiUsageRecords_Id] FOREIGN KEY ([UsageRecordId]) REFERENCES [AiUsageRecords] ([Id]);
GO
ALTER TABLE [AiUsageRecords] ADD CONSTRAINT [AiUsageRecords_UserId_8aad9ea3_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [ModerationChecks] ADD CONSTRAINT [ModerationChecks_UsageRecordId_a611c9e6_fk_AiUsageRecords_Id] FOREIGN KEY ([UsageRecordId]) REFERENCES [AiUsageRecords] ([Id]);
GO
COMMIT TRANSACTION;
GO
