-- audit.0002_user_analytics (plan item 034): SQL Server DDL
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
-- Create model AnalyticsEvent
CREATE TABLE [AnalyticsEvents] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [AnonymousId] nvarchar(64) NOT NULL, [EventName] nvarchar(100) NOT NULL, [Properties] nvarchar(max) NOT NULL CONSTRAINT AnalyticsEvents_Properties_cb15b557_check CHECK ((ISJSON ("Properties") = 1)), [Platform] nvarchar(8) NOT NULL, [AppVersion] nvarchar(30) NOT NULL, [CountryCode] nvarchar(2) NOT NULL, [OccurredAt] datetimeoffset NOT NULL, [ReceivedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [SessionId] char(32) NULL, [UserId] nvarchar(450) NULL, CONSTRAINT [CK_AnalyticsEvents_Platform] CHECK ([Platform] IN ('Web', 'iOS', 'Android')));
GO
-- Create model UserDailyActivity
CREATE TABLE [UserDailyActivity] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ActivityDate] date NOT NULL, [Platform] nvarchar(8) NOT NULL, [RequestCount] int NOT NULL CONSTRAINT UserDailyActivity_RequestCount_4f58c6ac_check CHECK ([RequestCount] >= 0), [ActiveSeconds] int NOT NULL CONSTRAINT UserDailyActivity_ActiveSeconds_e12ba648_check CHECK ([ActiveSeconds] >= 0), [FirstSeenAt] datetimeoffset NOT NULL, [LastSeenAt] datetimeoffset NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [UX_UserDailyActivity_Key] UNIQUE ([UserId], [ActivityDate], [Platform]), CONSTRAINT [CK_UserDailyActivity_Platform] CHECK ([Platform] IN ('Web', 'iOS', 'Android')));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [AnalyticsEvents_SessionId_eaf3b16c] ON [AnalyticsEvents] ([SessionId]);
GO
CREATE INDEX [IX_AnalyticsEvents_Name_Time] ON [AnalyticsEvents] ([EventName], [OccurredAt]);
GO
CREATE INDEX [IX_AnalyticsEvents_User_Time] ON [AnalyticsEvents] ([UserId], [OccurredAt]);
GO
ALTER TABLE [AnalyticsEvents] ADD CONSTRAINT [AnalyticsEvents_SessionId_eaf3b16c_fk_UserSessions_Id] FOREIGN KEY ([SessionId]) REFERENCES [UserSessions] ([Id]);
GO
ALTER TABLE [AnalyticsEvents] ADD CONSTRAINT [AnalyticsEvents_UserId_26d4a560_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [UserDailyActivity] ADD CONSTRAINT [UserDailyActivity_UserId_d94f4bad_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
