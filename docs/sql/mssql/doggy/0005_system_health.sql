-- doggy.0005_system_health (plan item 042): SQL Server DDL
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
-- Create model ApiMetricBucket
CREATE TABLE [ApiMetricBuckets] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [BucketStart] datetimeoffset NOT NULL, [Route] nvarchar(200) NOT NULL, [Method] nvarchar(7) NOT NULL, [StatusClass] nvarchar(3) NOT NULL, [Count] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Count_799aba45_check CHECK ([Count] >= 0), [SumMs] bigint DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_SumMs_07f780dd_check CHECK ([SumMs] >= 0), [Le5] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le5_b2cca7b6_check CHECK ([Le5] >= 0), [Le10] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le10_f2caf18f_check CHECK ([Le10] >= 0), [Le25] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le25_1bcf7101_check CHECK ([Le25] >= 0), [Le50] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le50_62dfe58b_check CHECK ([Le50] >= 0), [Le100] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le100_b3bb0980_check CHECK ([Le100] >= 0), [Le250] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le250_567cdd6e_check CHECK ([Le250] >= 0), [Le500] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le500_41d56e0d_check CHECK ([Le500] >= 0), [Le1000] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le1000_5a0cbebc_check CHECK ([Le1000] >= 0), [LeInf] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_LeInf_44656774_check CHECK ([LeInf] >= 0), CONSTRAINT [UX_ApiMetrics_Key] UNIQUE ([BucketStart], [Route], [Method], [StatusClass]), CONSTRAINT [CK_ApiMetricBuckets_StatusClass] CHECK ([StatusClass] IN ('2xx', '3xx', '4xx', '5xx')));
GO
-- Create model BackgroundJobRun
CREATE TABLE [BackgroundJobRuns] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [JobName] nvarchar(100) NOT NULL, [Status] nvarchar(10) NOT NULL, [Attempt] smallint DEFAULT 1 NOT NULL CONSTRAINT BackgroundJobRuns_Attempt_81024e40_check CHECK ([Attempt] >= 0), [StartedAt] datetimeoffset NOT NULL, [FinishedAt] datetimeoffset NULL, [DurationMs] int NULL CONSTRAINT BackgroundJobRuns_DurationMs_73d0539c_check CHECK ([DurationMs] >= 0), [ItemsProcessed] int NULL CONSTRAINT BackgroundJobRuns_ItemsProcessed_e8501a33_check CHECK ([ItemsProcessed] >= 0), [Error] nvarchar(max) NOT NULL, CONSTRAINT [CK_BackgroundJobRuns_Status] CHECK ([Status] IN ('Running', 'Succeeded', 'Failed')));
GO
-- Create model HealthCheckResult
CREATE TABLE [HealthCheckResults] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Component] nvarchar(30) NOT NULL, [Status] nvarchar(10) NOT NULL, [LatencyMs] int NULL CONSTRAINT HealthCheckResults_LatencyMs_373efda5_check CHECK ([LatencyMs] >= 0), [Message] nvarchar(500) NOT NULL, [Details] nvarchar(max) NOT NULL CONSTRAINT HealthCheckResults_Details_1ae302e3_check CHECK ((ISJSON ("Details") = 1)), [CheckedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_HealthCheckResults_Status] CHECK ([Status] IN ('Healthy', 'Degraded', 'Unhealthy')));
GO
-- Create model SystemIncident
CREATE TABLE [SystemIncidents] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Title] nvarchar(200) NOT NULL, [Severity] nvarchar(8) NOT NULL, [Status] nvarchar(13) DEFAULT 'Investigating' NOT NULL, [AffectedComponents] nvarchar(max) NOT NULL CONSTRAINT SystemIncidents_AffectedComponents_d2c82fcc_check CHECK ((ISJSON ("AffectedComponents") = 1)), [StartedAt] datetimeoffset NOT NULL, [ResolvedAt] datetimeoffset NULL, [PublicMessage] nvarchar(max) NOT NULL, [CreatedById] nvarchar(450) NULL, CONSTRAINT [CK_Incidents_Resolved] CHECK (([Status] IN ('Investigating', 'Identified', 'Monitoring') OR [ResolvedAt] IS NOT NULL)), CONSTRAINT [CK_SystemIncidents_Severity] CHECK ([Severity] IN ('Minor', 'Major', 'Critical')), CONSTRAINT [CK_SystemIncidents_Status] CHECK ([Status] IN ('Investigating', 'Identified', 'Monitoring', 'Resolved')));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_HealthChecks_Comp_Time] ON [HealthCheckResults] ([Component], [CheckedAt] DESC);
GO
CREATE INDEX [IX_JobRuns_Name_Started] ON [BackgroundJobRuns] ([JobName], [StartedAt] DESC);
GO
CREATE INDEX [SystemIncidents_CreatedById_f02bee5f] ON [SystemIncidents] ([CreatedById]);
GO
ALTER TABLE [SystemIncidents] ADD CONSTRAINT [SystemIncidents_CreatedById_f02bee5f_fk_Users_Id] FOREIGN KEY ([CreatedById]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
